/** `{ "value": … }`: a literal, the same for every call (each gets its own frozen copy). */
import { learnerCopy } from '../copies';
import { argKind } from './kind';

export const value = argKind<{ value: unknown }>({
  key: 'value',
  schema: { type: 'object', additionalProperties: false, required: ['value'], properties: { value: {} } },
  signature: () => 'value',
  make: (s) => learnerCopy(s.value),
});
