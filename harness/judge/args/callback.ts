/**
 * `{ "callback": "printFoo", "emits": "foo" }`: a print callback owned by the calling thread; it
 * emits `emits`, or its first argument as text when `emits` is not given (`printNumber(3)`).
 */
import { argKind } from './kind';
import { ownedFunction, short } from './owned';

export const callback = argKind<{ callback: string; emits?: string }>({
  key: 'callback',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['callback'],
    properties: { callback: { type: 'string' }, emits: { type: 'string' } },
  },
  signature: (s) => s.callback,
  make: (s, c) =>
    ownedFunction(c, s.callback, (a) => {
      const value = s.emits ?? String(a[0]);
      if (!c.rt.tracing) return { value };
      return { value, shown: `${s.callback}(${s.emits === undefined ? short(a[0]) : ''}) → ${JSON.stringify(value)}` };
    }),
});
