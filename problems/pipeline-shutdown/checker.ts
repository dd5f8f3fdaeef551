import { defineChecker } from 'interleave/checker';

/** The first three of `items`, and `…` when there are more (a list that is cut says so). */
function firstFew(items: readonly string[]): string {
  return items.slice(0, 3).join(', ') + (items.length > 3 ? ', …' : '');
}

/**
 * Every message the producer took from `nextMessage()` is stored exactly once, in the order
 * produced; the producer takes messages until the harness sets the event and none after it; the
 * buffer holds at most `capacity` (so at most capacity + 2 messages are taken and not yet stored:
 * one in the producer's hand, one in the consumer's); and (the judge's part) both threads return —
 * a consumer left blocked in `get` is a deadlock.
 */
export default defineChecker({
  expected: () => 'every produced message stored once, in order; both threads return',
  start(ctx) {
    const produced: string[] = [];
    const position = new Map<string, number>();
    const capacity = Number(ctx.args.capacity);
    /** Messages stored in order so far; `stores` is every store, in order or not (for `actual`). */
    let stored = 0;
    const stores: string[] = [];
    /** The harness set the event (an emit `event.set`, see the stopEvent argument). */
    let stopped = false;
    /** The message taken after the event was set, if any (the run ends there). */
    let late: string | null = null;
    return {
      onEvent(ev) {
        if (ev.kind === 'return' && ev.method === 'producer' && !stopped) {
          return `producer() returned before the event was set, after ${produced.length} ${produced.length === 1 ? 'message' : 'messages'}: it must take messages until the harness sets the event`;
        }
        if (ev.kind !== 'emit') return null;
        if (ev.callback === 'event.set') {
          stopped = true;
          return null;
        }
        if (ev.callback === 'nextMessage') {
          position.set(ev.value, produced.length);
          produced.push(ev.value);
          if (stopped) {
            late = ev.value;
            return `producer took ${JSON.stringify(ev.value)} after the event was set: once it is set, the producer must stop taking new messages`;
          }
          if (produced.length - stored > capacity + 2) {
            return `${produced.length - stored} messages were taken and not yet stored, with a capacity of ${capacity}: the buffer must hold at most ${capacity} (the producer must wait for room)`;
          }
          return null;
        }
        if (ev.callback !== 'store') return null;
        stores.push(ev.value);
        const who = ctx.nameOf(ev.thread);
        const at = position.get(ev.value) ?? -1;
        if (at < 0) return `${who} stored ${JSON.stringify(ev.value)}, which was never produced`;
        if (at < stored) return `${who} stored ${JSON.stringify(ev.value)} a second time`;
        if (at > stored) return `${who} stored ${JSON.stringify(ev.value)} before ${JSON.stringify(produced[stored])}: messages must be stored in the order produced`;
        stored++;
        return null;
      },
      // Every store as it came: a store out of order ends the run, and "0 stored" beside a trace that
      // shows one stored message read as a contradiction.
      actual: () =>
        late !== null
          ? `${produced.length} produced, the last (${late}) after the event was set; ${stores.length} stored`
          : stores.length > stored
            ? `${produced.length} produced (${firstFew(produced)}); stored in this order: ${firstFew(stores)}`
            : `${produced.length} produced, ${stored} stored${stored < produced.length ? ` (${firstFew(produced.slice(stored))} never stored)` : ''}`,
      final() {
        if (stored < produced.length) {
          const lost = produced.length - stored;
          const which = produced.length === 1 ? 'the one message produced was' : `${lost} of the ${produced.length} messages produced ${lost === 1 ? 'was' : 'were'}`;
          return `both threads returned, but ${which} never stored: ${firstFew(produced.slice(stored))}`;
        }
        return null;
      },
    };
  },
});
