import { defineChecker, type CheckContext, type RunCheck } from 'interleave/checker';

/**
 * Every message delivered exactly once; each consumer sees each producer's messages in the
 * order produced; never more than `capacity` held. A message is surely held from the moment its
 * setMessage returned until some getMessage was *called* for it, so
 *   held ≥ (setMessage calls returned) − (getMessage calls started),
 * and a setMessage that returns with that bound above capacity proves an overfilled buffer.
 */
function parse(message: string): { producer: string; k: number } | null {
  const m = /^(.+)#(\d+)$/.exec(message);
  return m ? { producer: m[1], k: Number(m[2]) } : null;
}

function start(ctx: CheckContext): RunCheck {
  const produced = new Set<string>();
  const delivered = new Set<string>();
  let setsReturned = 0;
  let getsCalled = 0;
  /** consumer thread → producer thread name → last message number it got. */
  const lastSeen = new Map<number, Map<string, number>>();
  const capacity = ctx.args.capacity as number;
  /** The two methods as the file spells them (`set_message` in Python). */
  const set = ctx.method('setMessage');
  const get = ctx.method('getMessage');
  return {
    onEvent(ev) {
      if (ev.kind === 'call' && ev.method === 'setMessage') produced.add(ev.args[0] as string);
      if (ev.kind === 'call' && ev.method === 'getMessage') getsCalled++;
      if (ev.kind === 'return' && ev.method === 'setMessage') {
        setsReturned++;
        const held = setsReturned - getsCalled;
        if (held > capacity) {
          // The count it rests on, so that a getMessage() that took two messages (and lost one) shows too.
          const counted = `${setsReturned} ${set}() call${setsReturned === 1 ? ' had' : 's had'} returned, ${getsCalled} ${get}() call${getsCalled === 1 ? ' had' : 's had'} started`;
          return `${ctx.nameOf(ev.thread)}'s ${set}() returned while the buffer held at least ${held} messages (${counted}), above its capacity of ${capacity}`;
        }
      }
      if (ev.kind === 'return' && ev.method === 'getMessage') {
        const who = ctx.nameOf(ev.thread);
        const m = ev.value;
        if (typeof m !== 'string' || !produced.has(m)) {
          return `${who}'s ${get}() returned ${JSON.stringify(m)}, which no producer has sent`;
        }
        if (delivered.has(m)) return `${who}'s ${get}() returned ${JSON.stringify(m)}, which was already delivered`;
        delivered.add(m);
        const p = parse(m)!;
        let seen = lastSeen.get(ev.thread);
        if (!seen) lastSeen.set(ev.thread, (seen = new Map()));
        const last = seen.get(p.producer);
        if (last !== undefined && last > p.k) {
          return `${who} got ${JSON.stringify(m)} after ${JSON.stringify(`${p.producer}#${last}`)}: messages of one producer must arrive in the order produced`;
        }
        seen.set(p.producer, p.k);
      }
      return null;
    },
    final() {
      const lost = [...produced].filter((m) => !delivered.has(m));
      return lost.length > 0 ? `every thread returned, but ${lost.length} ${lost.length === 1 ? 'message was' : 'messages were'} never delivered: ${lost.slice(0, 3).join(', ')}` : null;
    },
  };
}

export default defineChecker({ start });
