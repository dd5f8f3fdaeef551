/**
 * A `Wait` is what a thread of learner code awaits: a synchronization operation, a sleep, another
 * coroutine's result, or a foreign promise. The scheduler resumes a waiting task only when its
 * wait is `ready()`, and only when the strategy picks it; `take()` then performs the operation's
 * effect (take the lock, consume the permit) at that very step, so a woken waiter competes again
 * instead of being handed what it waits for.
 */
import type { SourceSite } from '../model/result';
import type { Thread } from './thread';
import { describeValue } from './describe-error';

/** Returned by {@link Wait.take} when the wake-up was consumed but the wait goes on (waitFor). */
export const STILL_WAITING: unique symbol = Symbol('still waiting');

/*
 * Waits are made at nearly every step, so their fields are assigned in the constructor and only
 * declared above it: Node 20's V8 runs class fields through an initializer of their own that kept
 * `new Ready(…)` from being inlined, and cost 8% of a scheduling step (bench:scheduler
 * --instructions, 4,064 → 3,749 instructions a step).
 */
/** Counts jobs as JavaScript queues them (see {@link Wait.queued}); only the order matters. */
let queueClock = 0;

/** The next position in JavaScript's job queue: a continuation or reaction queued now. */
export function nextInQueue(): number {
  return ++queueClock;
}

export abstract class Wait<T = unknown> {
  /** Where the learner created this operation (only while tracing). */
  declare site: SourceSite | undefined;
  /** The thread that started it: a `.then` or `Promise.all` on it runs as that thread. */
  declare thread: Thread | null;
  /** Did anyone await it (or attach a handler)? A learner's op nobody awaits lost its switch point. */
  declare awaited: boolean;
  /** The primitive it operates on (a lock, an event), for traces that name objects. */
  declare target: object | undefined;
  /** Its trace row was written at the step of its effect (an operation that did not wait). */
  declare traced: boolean;
  /** The judge's own bookkeeping (a thread's start, `await 5`): never a trace row. */
  declare silent: boolean;
  /**
   * For a promise or a call's result: when it settled, which is when JavaScript queues the job that
   * resumes its awaiter (0: not settled, or a wait of another kind). A thread's ready tasks run in
   * the order their jobs were queued, as JavaScript runs them (Runtime.queue).
   */
  declare queued: number;

  constructor() {
    this.site = undefined;
    this.thread = null;
    this.awaited = false;
    this.target = undefined;
    this.traced = false;
    this.silent = false;
    this.queued = 0;
  }

  /** A wait the thread gives up the processor with (yieldThread, sleep, pauses): strategies stay fair to it. */
  get yields(): boolean {
    return false;
  }
  /** Can the waiting task proceed now? Must have no side effects. */
  abstract ready(): boolean;
  /** Performs the effect and returns what `await` gives back; may throw into the learner's code. */
  abstract take(): T | typeof STILL_WAITING;
  /** For people: `Lock.acquire()`. */
  abstract describe(): string;
  /** What happened when taken, for traces: `acquired`, `timed out`. */
  outcome(value: unknown): string | undefined {
    return value === undefined ? undefined : describeValue(value);
  }
  /**
   * For traces: what the call itself did for others, when it need not wait (the last party at a
   * barrier opens it): a row at the call, since the others may go on before this thread runs again.
   */
  arrival(): string | undefined {
    return undefined;
  }
}

/** A switch point that needs nothing: `await 5`, a free lock already taken at the call. */
export class Ready<T> extends Wait<T> {
  /**
   * `await` of a value that is not thenable (`await null`): a switch point that does not yield.
   * While tracing (`shown`) it is a row of its own (`await null`, at the await's line), so a loop
   * that spins on it shows, and no step of the trace goes without a row; else silent, its text
   * never made.
   */
  static plainAwait<T>(value: T, shown: boolean): Ready<T> {
    const w = shown ? new Ready(value, `await ${describeValue(value)}`, false, '') : new Ready(value, 'await');
    w.silent = !shown;
    w.plain = true;
    return w;
  }

  /** A switch point of the judge's own, that no trace shows. */
  static silent(text: string): Ready<undefined> {
    const w = new Ready(undefined, text);
    w.silent = true;
    return w;
  }

  /** An `await` of a plain value (see plainAwait). */
  declare plain: boolean;
  private declare readonly value: T;
  private declare readonly text: string;
  private declare readonly yielding: boolean;
  private declare readonly outcomeText: string | undefined;

  constructor(value: T, text: string, yielding = false, outcomeText?: string) {
    super();
    this.plain = false;
    this.value = value;
    this.text = text;
    this.yielding = yielding;
    this.outcomeText = outcomeText;
  }
  override outcome(value: unknown): string | undefined {
    return this.outcomeText ?? super.outcome(value);
  }
  override get yields(): boolean {
    return this.yielding;
  }
  ready(): boolean {
    return true;
  }
  take(): T {
    return this.value;
  }
  describe(): string {
    return this.text;
  }
}

/** An await that fails at once (a thenable whose `then` could not even be read). */
export class Failed extends Wait<never> {
  constructor(
    private readonly error: unknown,
    private readonly text: string,
  ) {
    super();
  }
  ready(): boolean {
    return true;
  }
  take(): never {
    throw this.error;
  }
  describe(): string {
    return this.text;
  }
}

/**
 * Awaiting a promise or thenable the judge did not make (the learner's own, or a `.then` chain).
 * As JavaScript's `await` does, a `then` that throws rejects the await, and only the first
 * settlement counts.
 */
export class ForeignWait extends Wait<unknown> {
  private declare settled: boolean;
  private declare ok: boolean;
  private declare value: unknown;
  constructor(thenable: object, then: (this: unknown, f: (v: unknown) => void, r: (e: unknown) => void) => unknown, onSettle: () => void) {
    super();
    this.settled = false;
    this.ok = true;
    this.value = undefined;
    const settle = (ok: boolean, v: unknown): void => {
      if (this.settled) return;
      this.settled = true;
      // Called as JavaScript runs the promise's reactions: in the queue's own order.
      this.queued = nextInQueue();
      this.ok = ok;
      this.value = v;
      onSettle();
    };
    try {
      then.call(
        thenable,
        (v) => settle(true, v),
        (e) => settle(false, e),
      );
    } catch (e) {
      settle(false, e);
    }
  }
  ready(): boolean {
    return this.settled;
  }
  take(): unknown {
    if (!this.ok) throw this.value;
    return this.value;
  }
  describe(): string {
    return 'await <promise>';
  }
  override outcome(): string | undefined {
    return this.ok ? 'resolved' : 'rejected';
  }
}

/** A timer callback waits for the one that fired before it to start (JavaScript's timer order). */
export class AfterStart extends Wait<undefined> {
  private declare readonly before: { started: boolean };
  constructor(before: { started: boolean }) {
    super();
    this.before = before;
    // The judge's own ordering of callbacks: no row (it showed as an unexplained `start`).
    this.silent = true;
  }
  ready(): boolean {
    return this.before.started;
  }
  take(): undefined {
    return undefined;
  }
  describe(): string {
    return 'start';
  }
}
