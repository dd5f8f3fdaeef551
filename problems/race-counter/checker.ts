import { defineChecker } from 'interleave/checker';

/** Once every update returned, `value` equals the number of updates: none lost, none doubled. */
export default defineChecker({
  expected: (ctx) => String(ctx.args.threads),
  start(ctx) {
    let updates = 0;
    let value: unknown;
    let read = false;
    return {
      onEvent(ev) {
        if (ev.kind === 'return') updates++;
        if (ev.kind === 'read' && ev.name === 'value') {
          value = ev.value;
          read = true;
        }
        return null;
      },
      // A run that failed before every update returned never read the value: nothing to show.
      actual: () => (read ? (JSON.stringify(value) ?? 'undefined') : undefined),
      final() {
        if (value === updates) return null;
        if (typeof value === 'number' && value < updates) {
          return `value is ${value} after ${updates} updates: ${updates - value} update${updates - value === 1 ? '' : 's'} lost (threads read the same value before either wrote it back)`;
        }
        return `value is ${JSON.stringify(value)} after ${updates} updates (expected ${ctx.args.threads})`;
      },
    };
  },
});
