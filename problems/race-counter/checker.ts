import { defineChecker, type RunEvent } from 'interleave/checker';

/** Once every update returned, `value` equals the number of updates: none lost, none doubled. */
function valueRead(events: readonly RunEvent[]): unknown {
  const read = events.find((e) => e.kind === 'read' && e.name === 'value');
  return read && read.kind === 'read' ? read.value : undefined;
}

export default defineChecker({
  expected: (ctx) => String(ctx.args.threads),
  actual: (events) => JSON.stringify(valueRead(events)) ?? 'undefined',
  final(events, ctx) {
    const updates = events.filter((e) => e.kind === 'return').length;
    const value = valueRead(events);
    if (value === updates) return null;
    if (typeof value === 'number' && value < updates) {
      return `value is ${value} after ${updates} updates: ${updates - value} update(s) lost (threads read the same value before either wrote it back)`;
    }
    return `value is ${JSON.stringify(value)} after ${updates} updates (expected ${ctx.args.threads})`;
  },
});
