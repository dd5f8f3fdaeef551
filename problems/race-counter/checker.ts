import { defineChecker } from '../../harness/judge/checker';

/** Once every update returned, `value` equals the number of updates: none lost, none doubled. */
export default defineChecker({
  expected: (ctx) => String(ctx.args.threads),
  final(events, ctx) {
    const updates = events.filter((e) => e.kind === 'return').length;
    const read = events.find((e) => e.kind === 'read' && e.name === 'value');
    const value = read && read.kind === 'read' ? read.value : undefined;
    if (value === updates) return null;
    if (typeof value === 'number' && value < updates) {
      return `value is ${value} after ${updates} updates: ${updates - value} update(s) lost (threads read the same value before either wrote it back)`;
    }
    return `value is ${JSON.stringify(value)} after ${updates} updates (expected ${ctx.args.threads})`;
  },
});
