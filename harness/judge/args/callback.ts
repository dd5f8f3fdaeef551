/**
 * `{ "callback": "printFoo", "emits": "foo" }`: a print callback owned by the calling thread; it
 * emits `emits`, or its first argument as text when `emits` is not given (`printNumber(3)`).
 */
import { argKind } from './kind';
import { ownedFunction, short, type Owned } from './owned';

export const callback = argKind<{ callback: string; emits?: string }>({
  key: 'callback',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['callback'],
    properties: { callback: { type: 'string' }, emits: { type: 'string' } },
  },
  signature: (s) => s.callback,
  make: (s, c) => {
    // A fixed word untraced is the same every call: one object, not one a print.
    const fixed: Owned | null = s.emits !== undefined && !c.rt.tracing ? Object.freeze({ value: s.emits }) : null;
    return ownedFunction(c, s.callback, (first) => {
      if (fixed !== null) return fixed;
      const value = s.emits ?? String(first);
      if (!c.rt.tracing) return { value };
      return { value, shown: `${s.callback}(${s.emits === undefined ? short(first) : ''}) → ${JSON.stringify(value)}` };
    });
  },
});
