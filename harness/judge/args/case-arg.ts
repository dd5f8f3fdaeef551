/** `{ "caseArg": "n" }`: a value of the case's arguments (a frozen copy per call). */
import { learnerCopy } from '../copies';
import { argKind } from './kind';

export const caseArg = argKind<{ caseArg: string }>({
  key: 'caseArg',
  schema: { type: 'object', additionalProperties: false, required: ['caseArg'], properties: { caseArg: { type: 'string' } } },
  signature: (s) => s.caseArg,
  make: (s, c) => learnerCopy(c.args[s.caseArg]),
  check: (s, args) => (s.caseArg in args ? null : `no case argument "${s.caseArg}"`),
});
