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
 *   min(capacity, enqueues called before the return − dequeues returned before the call);
 * - at the end, the whole history: some order of the calls, each placed between its call and its
 *   return, must be a run of a sequential bounded FIFO queue (Wing and Gong's search). This
 *   catches what the checks above cannot see alone: a `size()` that counts a producer's reserved
 *   slot is right in number but not in order.
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
  const history: Op[] = [];
  const running = new Map<number, Op>();
  return {
    onEvent(ev) {
      seq++;
      if (ev.kind === 'call') {
        const op: Op = { kind: ev.method as Op['kind'], value: ev.method === 'enqueue' ? ev.args[0] : undefined, call: seq, ret: Infinity };
        history.push(op);
        running.set(ev.thread, op);
      }
      if (ev.kind === 'return') {
        const op = running.get(ev.thread);
        if (op) {
          op.ret = seq;
          if (op.kind !== 'enqueue') op.value = ev.value;
        }
      }
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
      if (lost.length > 0) return `every thread returned, but ${lost.length} element(s) were never dequeued: ${lost.slice(0, 3).join(', ')}`;
      if (!linearizable(history, capacity)) {
        // What was returned, so the learner sees the values that cannot all be true.
        const returned = (kind: Op['kind']): string => {
          const values = history.filter((op) => op.kind === kind && op.ret !== Infinity).map((op) => JSON.stringify(op.value));
          return values.length > 8 ? `${values.slice(0, 8).join(', ')}, …` : values.join(', ');
        };
        const sizes = returned('size');
        return (
          'no order of the calls, each taking effect between its call and its return, makes them a run of one bounded FIFO queue: ' +
          `what enqueue, dequeue and size() returned cannot all be true (dequeue() returned ${returned('dequeue')}${sizes ? `; size() returned ${sizes}` : ''}; ` +
          'check what size() counts, and the order elements leave)'
        );
      }
      return null;
    },
  };
}

interface Op {
  kind: 'enqueue' | 'dequeue' | 'size';
  value: unknown;
  /** Event order of its call and its return (Infinity: it never returned). */
  call: number;
  ret: number;
}

/**
 * Is there an order of `ops`, each placed between its call and its return, in which a sequential
 * queue of `capacity` gives every result seen? A depth-first search over the op that may go next
 * (one called before every remaining op returned), with the states already refuted remembered.
 */
function linearizable(ops: readonly Op[], capacity: number): boolean {
  const done = new Array<boolean>(ops.length).fill(false);
  const refuted = new Set<string>();
  const queue: unknown[] = [];
  const search = (left: number): boolean => {
    if (left === 0) return true;
    const key = `${done.map((d) => (d ? 1 : 0)).join('')}|${JSON.stringify(queue)}`;
    if (refuted.has(key)) return false;
    let firstReturn = Infinity;
    for (let i = 0; i < ops.length; i++) if (!done[i] && ops[i].ret < firstReturn) firstReturn = ops[i].ret;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      if (done[i] || op.call > firstReturn) continue;
      let undo: (() => void) | null = null;
      if (op.kind === 'enqueue' && queue.length < capacity) {
        queue.push(op.value);
        undo = () => queue.pop();
      } else if (op.kind === 'dequeue' && queue.length > 0 && queue[0] === op.value) {
        queue.shift();
        undo = () => queue.unshift(op.value);
      } else if (op.kind === 'size' && queue.length === op.value) {
        undo = () => {};
      }
      if (undo === null) continue;
      done[i] = true;
      if (search(left - 1)) return true;
      done[i] = false;
      undo();
    }
    refuted.add(key);
    return false;
  };
  return search(ops.length);
}

export default defineChecker({ start });
