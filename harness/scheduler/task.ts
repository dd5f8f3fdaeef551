/**
 * A task is one coroutine of learner (or harness) code: the generator esbuild lowers an `async`
 * function into. It belongs to a thread, waits on one {@link Wait} at a time, and is resumed only
 * by the scheduler, so the judge always knows which thread is running.
 */
import { Wait } from './wait';
import type { Thread } from './thread';

export type Coroutine = Generator<unknown, unknown, unknown>;

export class Task {
  /** What the task waits on; null while it runs or once it is done. */
  waiting: Wait | null = null;
  /** Did the wait block when the task started waiting (for traces: a later resume is a wake-up)? */
  blocked = false;
  done = false;
  /** Has it run at least one step? */
  started = false;
  /** Its coroutine returned a promise or operation: the task ends with that one's outcome. */
  returning = false;
  readonly result: TaskResult;

  constructor(
    readonly id: number,
    readonly thread: Thread,
    readonly gen: Coroutine,
    readonly label: string,
  ) {
    this.result = new TaskResult(this);
  }
}

/** What awaiting an `async` function's call gives: ready when its task is done. */
export class TaskResult extends Wait<unknown> {
  settled = false;
  ok = true;
  value: unknown;
  /** Has anyone awaited it or attached a handler? An unobserved failure is never swallowed. */
  observed = false;
  private listeners: Array<() => void> | null = null;

  constructor(readonly task: Task) {
    super();
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
