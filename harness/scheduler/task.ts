/**
 * A task is one coroutine of learner (or harness) code: the generator esbuild lowers an `async`
 * function into. It belongs to a thread, waits on one {@link Wait} at a time, and is resumed only
 * by the scheduler, so the judge always knows which thread is running.
 */
import { nextInQueue, Wait } from './wait';
import type { Thread } from './thread';

export type Coroutine = Generator<unknown, unknown, unknown>;

/**
 * The label of the task a `.then` on an operation starts to wait for it (promise-bridge.ts): the
 * thread itself goes on, so its trace says the operation is pending, not that the thread waits.
 */
export const THEN_WAITER = 'the wait of a .then';

export class Task {
  // Assigned in the constructor, not as class fields: see Wait.
  /** What the task waits on; null while it runs or once it is done. */
  declare waiting: Wait | null;
  /** Did the wait block when the task started waiting (for traces: a later resume is a wake-up)? */
  declare blocked: boolean;
  /** While tracing: a blocked task's trace says it can go on now (a `ready` mark, until it runs or cannot again). */
  declare shownReady: boolean;
  declare done: boolean;
  /** Has it run at least one step? */
  declare started: boolean;
  /** Its coroutine returned a promise or operation: the task ends with that one's outcome. */
  declare returning: boolean;
  /** Where its next step stands in its thread's queue while it is ready (0: not ready, or not yet placed). */
  declare queued: number;
  declare readonly result: TaskResult;
  declare readonly id: number;
  declare readonly thread: Thread;
  declare readonly gen: Coroutine;
  declare readonly label: string;

  constructor(id: number, thread: Thread, gen: Coroutine, label: string) {
    this.waiting = null;
    this.blocked = false;
    this.shownReady = false;
    this.done = false;
    this.started = false;
    this.returning = false;
    this.queued = 0;
    this.id = id;
    this.thread = thread;
    this.gen = gen;
    this.label = label;
    this.result = new TaskResult(this);
  }
}

/** What awaiting an `async` function's call gives: ready when its task is done. */
export class TaskResult extends Wait<unknown> {
  declare settled: boolean;
  declare ok: boolean;
  declare value: unknown;
  /** Has anyone awaited it or attached a handler? An unobserved failure is never swallowed. */
  declare observed: boolean;
  private declare listeners: Array<() => void> | null;
  declare readonly task: Task;

  constructor(task: Task) {
    super();
    this.settled = false;
    this.ok = true;
    this.value = undefined;
    this.observed = false;
    this.listeners = null;
    this.task = task;
  }
  ready(): boolean {
    return this.settled;
  }
  take(): unknown {
    if (!this.ok) throw this.value;
    return this.value;
  }
  describe(): string {
    return `await ${this.task.label}()`;
  }
  override outcome(): string | undefined {
    return this.ok ? 'returned' : 'threw';
  }
  settle(ok: boolean, value: unknown): void {
    this.settled = true;
    this.queued = nextInQueue();
    this.ok = ok;
    this.value = value;
    const ls = this.listeners;
    this.listeners = null;
    if (ls) for (const l of ls) l();
  }
  /** Calls `fn` once settled (bridges to native promises). */
  onSettle(fn: () => void): void {
    if (this.settled) fn();
    else (this.listeners ??= []).push(fn);
  }
}
