/**
 * The judge's primitives a Python solution's objects stand for, and each Python operation as the
 * call of `interleave/sync` that performs it. Python gives seconds, the judge counts milliseconds.
 * What an operation returns is an operation of the judge's (a switch point the proxy awaits) or,
 * for a question (`locked()`, `qsize()`), plain data at once.
 */
import * as sync from '../../sync/index';
import { done, quietly, rt } from '../../sync/op';
import { queueItems } from '../../sync/queue';
import { nameAsPart } from '../../scheduler/trace-recorder';

/** A primitive of this run, by the number Python gave it. */
export type Primitive =
  | sync.Lock
  | sync.RLock
  | sync.Condition
  | sync.Semaphore
  | sync.BoundedSemaphore
  | sync.Event
  | sync.Barrier
  | sync.Queue<unknown>
  | PythonThread;

/** A `threading.Thread` of the learner's: made when Python creates it, started by `start()`. */
export interface PythonThread {
  kind: 'Thread';
  name: string | undefined;
  daemon: boolean;
  thread?: sync.Thread;
}

/**
 * The queues of the runtime's own machinery (concurrent.futures: an executor's jobs, what wait()
 * and as_completed() collect) and a Timer's event: their operations switch and block as any other,
 * but leave no trace row of their own, as the TypeScript executor's (sync/op.ts quietly).
 */
const machinery = new WeakSet<object>();

/** Makes the primitive Python announced (`[id, kind, ...args]`). */
export function makePrimitive(kind: string, args: unknown[], objects: Map<number, unknown>): Primitive {
  switch (kind) {
    case 'MachineryQueue': {
      const q = new sync.Queue<unknown>(0);
      machinery.add(q);
      return q;
    }
    case 'MachineryEvent': {
      // threading.Timer's: what cancel() sets.
      const e = new sync.Event();
      machinery.add(e);
      return e;
    }
    case 'Lock':
      return new sync.Lock();
    case 'RLock':
      return new sync.RLock();
    case 'Condition':
      return new sync.Condition(objects.get(args[0] as number) as sync.Lock);
    case 'Semaphore':
      return new sync.Semaphore(args[0] as number);
    case 'BoundedSemaphore':
      return new sync.BoundedSemaphore(args[0] as number);
    case 'Event':
      return new sync.Event();
    case 'Barrier':
      return new sync.Barrier(args[0] as number);
    case 'Queue':
      return new sync.Queue<unknown>(Number(args[0]) || 0);
    case 'Thread':
      return { kind: 'Thread', name: args[0] === null ? undefined : String(args[0]), daemon: args[1] === true };
    default:
      throw new Error(`Python announced an unknown primitive ${JSON.stringify(kind)}`);
  }
}

/**
 * A primitive Python made as a part of a library object (CPython's queue code names its lock
 * `mutex` and its conditions `not_empty`, `not_full`, `all_tasks_done`): traces name it so.
 */
export function namePart(target: unknown, name: unknown): void {
  if (typeof target === 'object' && target !== null && typeof name === 'string' && /^[A-Za-z_]\w{0,39}$/.test(name)) nameAsPart(target, name);
}

function ms(seconds: unknown): number | undefined {
  return seconds === null || seconds === undefined ? undefined : Math.max(0, Number(seconds) * 1000);
}

function blocking(block: unknown, timeout: unknown): sync.BlockingOptions {
  const o: sync.BlockingOptions = { blocking: block !== false };
  const t = ms(timeout);
  if (t !== undefined) o.timeout = t;
  return o;
}

/** Names a thread start needs from the proxy: how to run a learner thread's body. */
export type StartThread = (t: PythonThread) => unknown;

/** Performs operation `what` on `obj` (0: the module: sleep). May throw the judge's errors. */
export function perform(obj: unknown, what: string, a: unknown[], startThread: StartThread): unknown {
  if (typeof obj === 'object' && obj !== null && machinery.has(obj)) return quietly(() => performOn(obj, what, a, startThread));
  return performOn(obj, what, a, startThread);
}

function performOn(obj: unknown, what: string, a: unknown[], startThread: StartThread): unknown {
  if (obj === 0) {
    if (what === 'sleep') return Number(a[0]) === 0 ? sync.yieldThread() : sync.sleep(Number(a[0]) * 1000);
    // A read or write of the instance's data (a problem's attributeSwitchPoints): done, then a switch point.
    if (what === 'attr') return done(rt(), null, undefined, a[1] === 'read' ? `self.${String(a[0])} → ${String(a[2])}` : `self.${String(a[0])} = ${String(a[2])}`);
  } else if (obj instanceof sync.Lock || obj instanceof sync.RLock) {
    if (what === 'acquire') return obj.acquire(blocking(a[0], a[1]));
    if (what === 'release') return obj.release();
  } else if (obj instanceof sync.Condition) {
    if (what === 'wait') return obj.wait(ms(a[0]));
    if (what === 'notify') return obj.notify(Number(a[0] ?? 1));
    if (what === 'notify_all') return obj.notifyAll();
  } else if (obj instanceof sync.Semaphore) {
    if (what === 'acquire') return obj.acquire(blocking(a[0], a[1]));
    if (what === 'release') return obj.release(Number(a[0] ?? 1));
  } else if (obj instanceof sync.Event) {
    if (what === 'set') return obj.set();
    if (what === 'clear') return obj.clear();
    if (what === 'wait') return obj.wait(ms(a[0]));
  } else if (obj instanceof sync.Barrier) {
    if (what === 'wait') return obj.wait(ms(a[0]));
    if (what === 'abort') return obj.abort();
    if (what === 'reset') return obj.reset();
  } else if (obj instanceof sync.Queue) {
    if (what === 'put') return obj.put(a[0], blocking(a[1], a[2]));
    if (what === 'get') return obj.get(blocking(a[0], a[1]));
    if (what === 'task_done') return obj.taskDone();
    if (what === 'join') return obj.join();
  } else if (isThread(obj)) {
    if (what === 'start') return startThread(obj);
    if (what === 'join') return obj.thread!.join(ms(a[0]));
  }
  throw new Error(`no operation ${what} on ${describe(obj)}`);
}

/** Answers a question that is no switch point (`locked()`, `is_set()`, `qsize()`, the clock). */
export function query(obj: unknown, what: string, now: () => number): unknown {
  if (obj === 0) {
    if (what === 'now') return now();
    if (what === 'active_count') return sync.activeCount();
    if (what === 'enumerate') return sync.enumerate().map((t) => t.name);
  } else if (obj instanceof sync.Lock || obj instanceof sync.RLock) {
    if (what === 'locked') return obj.locked();
  } else if (obj instanceof sync.Event) {
    if (what === 'is_set') return obj.isSet();
  } else if (obj instanceof sync.Queue) {
    if (what === 'qsize') return obj.qsize();
    if (what === 'empty') return obj.empty();
    if (what === 'full') return obj.full();
    if (what === 'items') return queueItems(obj);
  } else if (obj instanceof sync.Barrier) {
    if (what === 'n_waiting') return obj.nWaiting;
    if (what === 'broken') return obj.broken;
  } else if (isThread(obj)) {
    if (what === 'is_alive') return obj.thread?.isAlive() ?? false;
    if (what === 'name') return obj.thread?.name ?? obj.name ?? null;
  }
  throw new Error(`no question ${what} of ${describe(obj)}`);
}

function isThread(x: unknown): x is PythonThread {
  return typeof x === 'object' && x !== null && (x as PythonThread).kind === 'Thread';
}

function describe(obj: unknown): string {
  return obj === undefined ? 'an unknown object' : ((obj as object).constructor?.name ?? typeof obj);
}

/** The kind a primitive the judge made has in Python (a problem's stop event), if it is one. */
export function pythonKindOf(x: unknown): string | undefined {
  if (x instanceof sync.Event) return 'Event';
  if (x instanceof sync.RLock) return 'RLock';
  if (x instanceof sync.Lock) return 'Lock';
  if (x instanceof sync.Semaphore) return 'Semaphore';
  if (x instanceof sync.Queue) return 'Queue';
  return undefined;
}
