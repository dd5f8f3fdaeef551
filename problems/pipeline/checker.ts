import { defineChecker, type CheckContext, type RunEvent } from 'interleave/checker';

/**
 * Every message delivered exactly once; each consumer sees each producer's messages in the
 * order produced; never more than `capacity` held. A message is surely held from the moment its
 * setMessage returned until some getMessage was *called* for it, so
 *   held ≥ (setMessage calls returned) − (getMessage calls started),
 * and a setMessage that returns with that bound above capacity proves an overfilled buffer.
 */
interface State {
  produced: Set<string>;
  delivered: Set<string>;
  setsReturned: number;
  getsCalled: number;
  /** consumer thread → producer thread name → last message number it got. */
  lastSeen: Map<number, Map<string, number>>;
}

const states = new WeakMap<readonly RunEvent[], State>();

function state(events: readonly RunEvent[]): State {
  let s = states.get(events);
  if (!s) {
    s = { produced: new Set(), delivered: new Set(), setsReturned: 0, getsCalled: 0, lastSeen: new Map() };
    states.set(events, s);
  }
  return s;
}

function parse(message: string): { producer: string; k: number } | null {
  const m = /^(.+)#(\d+)$/.exec(message);
  return m ? { producer: m[1], k: Number(m[2]) } : null;
}

function onEvent(ev: RunEvent, events: readonly RunEvent[], ctx: CheckContext): string | null {
  const s = state(events);
  if (ev.kind === 'call' && ev.method === 'setMessage') s.produced.add(ev.args[0] as string);
  if (ev.kind === 'call' && ev.method === 'getMessage') s.getsCalled++;
  if (ev.kind === 'return' && ev.method === 'setMessage') {
    s.setsReturned++;
    const held = s.setsReturned - s.getsCalled;
    const capacity = ctx.args.capacity as number;
    if (held > capacity) {
      return `${ctx.nameOf(ev.thread)}'s setMessage() returned while the buffer held at least ${held} messages, above its capacity of ${capacity}`;
    }
  }
  if (ev.kind === 'return' && ev.method === 'getMessage') {
    const who = ctx.nameOf(ev.thread);
    const m = ev.value;
    if (typeof m !== 'string' || !s.produced.has(m)) {
      return `${who}'s getMessage() returned ${JSON.stringify(m)}, which no producer has sent`;
    }
    if (s.delivered.has(m)) return `${who}'s getMessage() returned ${JSON.stringify(m)}, which was already delivered`;
    s.delivered.add(m);
    const p = parse(m)!;
    let seen = s.lastSeen.get(ev.thread);
    if (!seen) s.lastSeen.set(ev.thread, (seen = new Map()));
    const last = seen.get(p.producer);
    if (last !== undefined && last > p.k) {
      return `${who} got ${JSON.stringify(m)} after ${JSON.stringify(`${p.producer}#${last}`)}: messages of one producer must arrive in the order produced`;
    }
    seen.set(p.producer, p.k);
  }
  return null;
}

export default defineChecker({
  onEvent,
  final(events) {
    const s = state(events);
    const lost = [...s.produced].filter((m) => !s.delivered.has(m));
    return lost.length > 0 ? `every thread returned, but ${lost.length} message(s) were never delivered: ${lost.slice(0, 3).join(', ')}` : null;
  },
});
