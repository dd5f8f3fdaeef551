import { RuntimeError } from './errors';
import { Blocking, checkTimeout, done, op, readOptions, rt, type BlockingOptions, type BlockingSpec } from './op';
import type { Thread } from '../scheduler/thread';

/**
 * What a {@link Condition} needs of its lock, kept out of learner code's reach (a learner could
 * otherwise release an RLock it does not own through it). @internal
 */
export interface ConditionLock {
  canAcquire(t: Thread | null): boolean;
  isOwned(t: Thread | null): boolean;
  /** Releases it whatever its depth; returns what `acquireRestore` needs. */
  releaseSave(): number;
  acquireRestore(t: Thread | null, saved: number): void;
}

/** A blocked acquire's outcome, for traces (one function, not one per call). */
const acquiredOrTimedOut = (v: boolean): string => (v ? 'acquired' : 'timed out');

/** Lets the acquire spec read and take a Lock, which learner code cannot reach. */
let isHeld: (l: Lock) => boolean;
let take: (l: Lock) => void;

/** A blocked `Lock.acquire()`, the same for every call (no closures a call). */
const LOCK_ACQUIRE: BlockingSpec<boolean, Lock> = {
  canGo: (l) => !isHeld(l),
  go: (l) => {
    take(l);
    return true;
  },
  outcome: acquiredOrTimedOut,
};

const conditionLocks = new WeakMap<object, ConditionLock>();

/** The condition's view of a `Lock` or `RLock`; undefined for anything else. @internal */
export function conditionLock(lock: unknown): ConditionLock | undefined {
  return typeof lock === 'object' && lock !== null ? conditionLocks.get(lock) : undefined;
}

/**
 * A primitive lock, as Python's `threading.Lock`: not owned, so any thread may release it.
 *
 * ```ts
 * await lock.acquire();
 * try { … } finally { await lock.release(); }
 * ```
 * A thread that finds it locked waits; when it is released, waiters are woken but not handed the
 * lock: they compete again, and the releasing thread may take it first.
 */
export class Lock {
  #held = false;

  constructor() {
    conditionLocks.set(this, {
      canAcquire: () => !this.#held,
      // A Lock is "owned" when it is locked (Python's rule).
      isOwned: () => this.#held,
      releaseSave: () => {
        this.#held = false;
        return 1;
      },
      acquireRestore: () => {
        this.#held = true;
      },
    });
    if (new.target === Lock) Object.freeze(this);
  }

  /**
   * Takes the lock, waiting while another thread holds it. Resolves to true once taken, or false
   * when `blocking: false` or the `timeout` (ms of virtual time) ran out first.
   */
  acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const r = rt();
    const opts = readOptions(options);
    const blocking = opts.blocking !== false;
    checkTimeout('Lock.acquire()', opts.timeout, blocking);
    if (!this.#held) {
      this.#held = true;
      return done(r, this, true, 'Lock.acquire()', 'acquired');
    }
    if (!blocking) return done(r, this, false, 'Lock.acquire(blocking: false)', 'not acquired');
    return op(r, this, new Blocking(r, 'Lock.acquire()', LOCK_ACQUIRE, this as Lock, opts.timeout));
  }

  static {
    isHeld = (l) => l.#held;
    take = (l) => {
      l.#held = true;
    };
  }

  /** Releases the lock. Releasing a lock that is not locked is an error, as in Python. */
  release(): Promise<void> {
    const r = rt();
    if (!this.#held) throw new RuntimeError('Lock.release(): release unlocked lock');
    this.#held = false;
    return done(r, this, undefined, 'Lock.release()', 'released');
  }

  /** Is it held now? */
  locked(): boolean {
    return this.#held;
  }
}

/**
 * A reentrant lock, as Python's `threading.RLock`: owned by the thread that acquired it, which
 * may acquire it again; it must be released as many times, and only by its owner.
 */
export class RLock {
  #owner: Thread | null = null;
  #count = 0;

  constructor() {
    conditionLocks.set(this, {
      canAcquire: (t) => this.#owner === null || this.#owner === t,
      isOwned: (t) => this.#owner !== null && this.#owner === t,
      releaseSave: () => {
        const c = this.#count;
        this.#owner = null;
        this.#count = 0;
        return c;
      },
      acquireRestore: (t, saved) => {
        this.#owner = t;
        this.#count = saved;
      },
    });
    if (new.target === RLock) Object.freeze(this);
  }

  /** Takes the lock (again, if this thread owns it). Same options as {@link Lock.acquire}. */
  acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const r = rt();
    const opts = readOptions(options);
    const me = r.currentThread;
    const blocking = opts.blocking !== false;
    checkTimeout('RLock.acquire()', opts.timeout, blocking);
    if (this.#owner === me && me !== null) {
      this.#count++;
      return done(r, this, true, 'RLock.acquire()', r.tracing ? `acquired again (depth ${this.#count})` : undefined);
    }
    if (this.#owner === null) {
      this.#owner = me;
      this.#count = 1;
      return done(r, this, true, 'RLock.acquire()', 'acquired');
    }
    if (!blocking) return done(r, this, false, 'RLock.acquire(blocking: false)', 'not acquired');
    return op(
      r,
      this,
      new Blocking(r, 'RLock.acquire()', {
        canGo: () => this.#owner === null,
        go: () => {
          this.#owner = r.currentThread;
          this.#count = 1;
          return true;
        },
        timeout: opts.timeout,
        outcome: acquiredOrTimedOut,
      }),
    );
  }

  /** Releases one level; only the owner may release. */
  release(): Promise<void> {
    const r = rt();
    const owner = this.#owner;
    if (owner === null || owner !== r.currentThread) {
      throw new RuntimeError(
        owner === null
          ? 'RLock.release(): cannot release un-acquired lock'
          : `RLock.release(): cannot release a lock owned by thread ${owner.name}`,
      );
    }
    this.#count--;
    if (this.#count === 0) this.#owner = null;
    return done(r, this, undefined, 'RLock.release()', !r.tracing ? undefined : this.#count === 0 ? 'released' : `depth ${this.#count}`);
  }

  /** Is it held by any thread now? */
  locked(): boolean {
    return this.#owner !== null;
  }
}
