/**
 * The building blocks every primitive is made of: an operation that is already done (a pure
 * switch point) and one that blocks until a condition holds, optionally with a timeout. What
 * learner code receives for either is an {@link Operation}: a frozen thenable, never the wait.
 * @internal
 */
import { activeRuntime } from '../scheduler/active';
import type { Runtime } from '../scheduler/runtime';
import type { Timer } from '../scheduler/clock';
import { handOut, waitOf } from '../scheduler/operation';
import { Failed, Ready, STILL_WAITING, Wait } from '../scheduler/wait';
import { ValueError, argumentError } from './errors';

/** Options of Python's blocking calls: `blocking=False`, `timeout=…` (ms of virtual time). */
export interface BlockingOptions {
  blocking?: boolean;
  timeout?: number;
}

/**
 * Hands a wait on `target` (the primitive; null for sleep and the like) to learner code, with the
 * learner's line when the judge is tracing.
 */
export function op<T>(rt: Runtime, target: object | null, w: Wait<T>): Promise<T> {
  if (target !== null) w.target = target;
  if (quietDepth > 0) w.silent = true;
  if (rt.tracing) w.site = rt.site();
  rt.tracked(w);
  return handOut(w);
}

let quietDepth = 0;

/**
 * Runs `f`, whose operations are the library's own machinery (an executor's job queue, the
 * harness setting a problem's stop event): they switch and block as any other, but leave no trace
 * row of their own (a row of a job object's insides tells a learner nothing).
 */
export function quietly<T>(f: () => T): T {
  quietDepth++;
  try {
    return f();
  } finally {
    quietDepth--;
  }
}

/** For the library's own calls whose result it ignores on purpose (not a missing await). */
export function internal<T>(p: Promise<T>): void {
  const w = waitOf(p);
  if (w) w.awaited = true;
}

/** An operation on `target` whose effect already happened: a switch point. */
export function done<T>(rt: Runtime, target: object | null, value: T, text: string, outcome?: string, yields = false): Promise<T> {
  return op(rt, target, new Ready(value, text, yields, outcome));
}

/**
 * An operation on `target` that fails at once (a queue empty to a non-blocking get): a rejected
 * operation, as its `Promise` type says, so `.catch` and try/await both see the error; not
 * awaited, its failure fails the run as any rejection nobody handled.
 */
export function failed<T>(rt: Runtime, target: object | null, error: unknown, text: string): Promise<T> {
  return op<T>(rt, target, new Failed(error, text));
}

/** The runtime for a call from learner code. */
export const rt = activeRuntime;

/**
 * What a blocking operation does. Its functions get the wait's `subject` (see {@link Blocking}):
 * a spec made once per primitive, not per call, costs no closures on the hot path.
 */
export interface BlockingSpec<T, S = undefined> {
  /** May the waiter proceed now? */
  canGo: (subject: S) => boolean;
  /** The effect, at the step the waiter is resumed; STILL_WAITING to keep waiting (waitFor). */
  go: (subject: S) => T | typeof STILL_WAITING;
  /** Ms of virtual time; undefined or negative for none. */
  timeout?: number;
  /** What the wait gives once the timeout passed (false by default); may throw. */
  timedOut?: () => T;
  /** A timed-out wait may need more before it returns (a Condition re-takes its lock). */
  canTimeOut?: () => boolean;
  /** For traces: what the result means. */
  outcome?: (value: T, subject: S) => string;
  /** The thread gives the processor up on purpose (sleep). */
  yields?: boolean;
  /** For traces: what the call did for others when it need not wait (Wait.arrival). */
  arrival?: string;
}

/**
 * Waits until `canGo()`, then `go()` performs the effect; past the deadline, `timedOut()`. The
 * spec's functions get `subject` (the primitive, for a spec shared by every call); `timeout`, when
 * given, is this call's (else the spec's).
 */
export class Blocking<T, S = undefined> extends Wait<T> {
  // Assigned in the constructor, not as class fields: see Wait.
  private declare readonly runtime: Runtime;
  private declare readonly text: string;
  private declare readonly spec: BlockingSpec<T, S>;
  private declare readonly subject: S;
  private declare readonly deadline: Timer | null;
  /** Like a promise, an operation settles once: a second `await` gets the same result. */
  private declare settled: boolean;
  private declare value: T | undefined;
  constructor(runtime: Runtime, text: string, spec: BlockingSpec<T, S>, subject: S = undefined as S, timeout?: number) {
    super();
    this.runtime = runtime;
    this.text = text;
    this.spec = spec;
    this.subject = subject;
    const t = timeout ?? spec.timeout;
    this.deadline = t !== undefined && t !== null && t >= 0 ? runtime.clock.after(t) : null;
    this.settled = false;
    this.value = undefined;
  }
  override get yields(): boolean {
    return this.spec.yields === true;
  }
  private expired(): boolean {
    return (
      this.deadline !== null &&
      this.runtime.clock.now >= this.deadline.time &&
      (this.spec.canTimeOut === undefined || this.spec.canTimeOut())
    );
  }
  ready(): boolean {
    return this.settled || this.spec.canGo(this.subject) || this.expired();
  }
  take(): T | typeof STILL_WAITING {
    if (this.settled) return this.value as T;
    let v: T | typeof STILL_WAITING;
    if (this.spec.canGo(this.subject)) {
      v = this.spec.go(this.subject);
      if (v !== STILL_WAITING && this.deadline) this.runtime.clock.cancel(this.deadline);
    } else {
      v = this.spec.timedOut ? this.spec.timedOut() : (false as T);
    }
    if (v !== STILL_WAITING) {
      this.settled = true;
      this.value = v;
    }
    return v;
  }
  describe(): string {
    return this.text;
  }
  override arrival(): string | undefined {
    return this.spec.arrival;
  }
  override outcome(value: unknown): string | undefined {
    return this.spec.outcome ? this.spec.outcome(value as T, this.subject) : super.outcome(value);
  }
}

/** Checks a timeout argument the way Python does: a value Python refuses is its ValueError. */
export function checkTimeout(what: string, timeout: number | undefined, blocking = true): void {
  if (timeout === undefined || timeout === null || timeout === -1) return;
  if (typeof timeout !== 'number' || Number.isNaN(timeout)) {
    throw argumentError(new TypeError(`${what}: timeout must be a number of milliseconds, got ${String(timeout)}`));
  }
  if (timeout < 0) throw new ValueError(`${what}: timeout must be non-negative, got ${timeout}`);
  if (!blocking) throw new ValueError(`${what}: cannot give a timeout with blocking: false`);
}

const NO_OPTIONS: BlockingOptions = Object.freeze({});

const NOT_BLOCKING: BlockingOptions = Object.freeze({ blocking: false });

/**
 * Reads `opts` of a blocking call without trusting it: a getter runs once. A boolean is `blocking`,
 * as Python's first argument is (`lock.acquire(false)`, `q.get(false)`); anything else that is no
 * object is refused, saying what to write.
 */
export function readOptions(opts: unknown): BlockingOptions {
  if (opts === undefined || opts === null || opts === true) return NO_OPTIONS;
  if (opts === false) return NOT_BLOCKING;
  if (typeof opts !== 'object') throw argumentError(new TypeError(`options must be an object like { timeout: 50 } or { blocking: false }, got ${String(opts)}`));
  const o = opts as BlockingOptions;
  return { blocking: o.blocking, timeout: o.timeout };
}
