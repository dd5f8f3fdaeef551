import { defineChecker } from 'interleave/checker';

/**
 * Every message the producer took from `nextMessage()` is stored exactly once, in the order
 * produced; and (the judge's part) both threads return — a consumer left blocked in `get` is a
 * deadlock.
 */
export default defineChecker({
  expected: () => 'every produced message stored once, in order; both threads return',
  start(ctx) {
    const produced: string[] = [];
    const position = new Map<string, number>();
    let stored = 0;
    return {
      onEvent(ev) {
        if (ev.kind !== 'emit') return null;
        if (ev.callback === 'nextMessage') {
          position.set(ev.value, produced.length);
          produced.push(ev.value);
          return null;
        }
        if (ev.callback !== 'store') return null;
        const who = ctx.nameOf(ev.thread);
        const at = position.get(ev.value) ?? -1;
        if (at < 0) return `${who} stored ${JSON.stringify(ev.value)}, which was never produced`;
        if (at < stored) return `${who} stored ${JSON.stringify(ev.value)} a second time`;
        if (at > stored) return `${who} stored ${JSON.stringify(ev.value)} before ${JSON.stringify(produced[stored])}: messages must be stored in the order produced`;
        stored++;
        return null;
      },
      actual: () => `${produced.length} produced, ${stored} stored${stored < produced.length ? ` (${produced.slice(stored, stored + 3).join(', ')} never stored)` : ''}`,
      final() {
        if (stored < produced.length) {
          return `both threads returned, but ${produced.length - stored} of the ${produced.length} produced message(s) were never stored: ${produced.slice(stored, stored + 3).join(', ')}`;
        }
        return null;
      },
    };
  },
});
