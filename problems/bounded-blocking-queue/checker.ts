import { defineChecker, type CheckContext, type RunCheck } from 'interleave/checker';

/**
 * A linearizable FIFO queue of `capacity`, judged from calls and returns only (each a moment of
 * the run, in event order), with checks that are sound — a failure is a real violation:
 *
 * - delivery: a dequeue returns an element some enqueue was called with, never one twice, and at
 *   the end every element was dequeued;
 * - capacity: an element is surely held from its enqueue's return until some dequeue was called
 *   for it, so (enqueues returned) − (dequeues called) > capacity proves an overfilled queue;
 * - FIFO: when dequeue returns v, each element a whose enqueue returned before v's was called
 *   must leave first; if more such a are still in the queue than dequeues are running beside
 *   this one, one of them leaves after v: out of order (a LIFO buffer is caught here);
 * - size(): the queue's length at some moment between size's call and its return lies between
 *   (enqueues returned before the call − dequeues called before the return) and
 *   min(capacity, enqueues called before the return − dequeues returned before the call).
 */
function start(ctx: CheckContext): RunCheck {
  const capacity = ctx.args.capacity as number;
  let seq = 0;
  const enqCalled = new Map<string, number>();
  const enqReturned = new Map<string, number>();
  const pending = new Map<number, string>(); // producer thread → element of its running enqueue
  const delivered = new Set<string>();
  let enqCalls = 0;
  let enqReturns = 0;
  let deqCalls = 0;
  let deqReturns = 0;
  let deqRunning = 0;
  const sizeAt = new Map<number, { lower: number; deqReturnsBefore: number }>();
  return {
    onEvent(ev) {
      seq++;
      if (ev.kind === 'call' && ev.method === 'enqueue') {
        const x = ev.args[0] as string;
        enqCalls++;
        enqCalled.set(x, seq);
        pending.set(ev.thread, x);
      }
      if (ev.kind === 'return' && ev.method === 'enqueue') {
        enqReturns++;
        enqReturned.set(pending.get(ev.thread)!, seq);
        const held = enqReturns - deqCalls;
        if (held > capacity) {
          return `${ctx.nameOf(ev.thread)}'s enqueue() returned while the queue held at least ${held} elements, above its capacity of ${capacity}`;
        }
      }
      if (ev.kind === 'call' && ev.method === 'dequeue') {
        deqCalls++;
        deqRunning++;
      }
      if (ev.kind === 'return' && ev.method === 'dequeue') {
        deqRunning--;
        deqReturns++;
        const who = ctx.nameOf(ev.thread);
        const v = ev.value;
        if (typeof v !== 'string' || !enqCalled.has(v)) return `${who}'s dequeue() returned ${JSON.stringify(v)}, which was never enqueued`;
        if (delivered.has(v)) return `${who}'s dequeue() returned ${JSON.stringify(v)}, which was already dequeued`;
        delivered.add(v);
        const vCalled = enqCalled.get(v)!;
        const older = [...enqReturned].filter(([a, r]) => r < vCalled && !delivered.has(a)).map(([a]) => a);
        if (older.length > deqRunning) {
          return `${who}'s dequeue() returned ${JSON.stringify(v)} while ${JSON.stringify(older[0])}, enqueued before it, was still in the queue: not first in, first out`;
        }
      }
      if (ev.kind === 'call' && ev.method === 'size') {
        sizeAt.set(ev.thread, { lower: enqReturns, deqReturnsBefore: deqReturns });
      }
      if (ev.kind === 'return' && ev.method === 'size') {
        const at = sizeAt.get(ev.thread)!;
        const lower = Math.max(0, at.lower - deqCalls);
        const upper = Math.min(capacity, enqCalls - at.deqReturnsBefore);
        const s = ev.value;
        if (typeof s !== 'number' || !Number.isInteger(s)) return `${ctx.nameOf(ev.thread)}'s size() returned ${JSON.stringify(s)}, not a whole number`;
        if (s < lower || s > upper) {
          const range = lower === upper ? `${lower}` : `between ${lower} and ${upper}`;
          return `${ctx.nameOf(ev.thread)}'s size() returned ${s}, but the queue held ${range} element(s) while it ran`;
        }
      }
      return null;
    },
    final() {
      const lost = [...enqCalled.keys()].filter((x) => !delivered.has(x));
      return lost.length > 0 ? `every thread returned, but ${lost.length} element(s) were never dequeued: ${lost.slice(0, 3).join(', ')}` : null;
    },
  };
}

export default defineChecker({ start });
