/**
 * `{ "callback": "printFoo", "emits": "foo" }`: a print callback owned by the calling thread; it
 * emits `emits`, or its first argument as text when `emits` is not given (`printNumber(3)`).
 * `"takes": "integer"` says what that argument must be: anything else (`printNumber("3")`,
 * `printNumber(true)`) is a wrong answer, told at the call.
 */
import { atSite } from '../../scheduler/words';
import { argKind } from './kind';
import { ownedFunction, short, type Owned } from './owned';

export const callback = argKind<{ callback: string; emits?: string; takes?: 'integer' }>({
  key: 'callback',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['callback'],
    properties: { callback: { type: 'string' }, emits: { type: 'string' }, takes: { enum: ['integer'] } },
  },
  signature: (s) => s.callback,
  make: (s, c) => {
    // A fixed word untraced is the same every call: one object, not one a print.
    const fixed: Owned | null = s.emits !== undefined && !c.rt.tracing ? Object.freeze({ value: s.emits }) : null;
    return ownedFunction(c, s.callback, (first) => {
      if (fixed !== null) return fixed;
      const value = s.emits ?? String(first);
      if (s.takes === 'integer' && !Number.isInteger(first)) {
        const fix = typeof first === 'string' && /^-?\d+$/.test(first.trim()) ? `; write ${s.callback}(${first.trim()})` : '';
        c.rt.fail('WA', `${s.callback}(${short(first)})${atSite(c.rt.site())}: ${s.callback} takes an integer, not ${what(first)}${fix}`);
      }
      if (!c.rt.tracing) return { value };
      return { value, shown: `${s.callback}(${s.emits === undefined ? short(first) : ''}) → ${JSON.stringify(value)}` };
    });
  },
});

/** What a value that is not an integer is, as a learner reads it. */
function what(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? 'a fraction' : String(v);
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  return `a ${typeof v}`;
}
