import { RuntimeError } from './errors';
import { Blocking, checkTimeout, done, op, rt, type BlockingOptions } from './op';
import type { Thread } from '../scheduler/thread';

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
  private held = false;
  /** The thread that took it last, for messages only (a Lock has no owner). */
  private holder: Thread | null = null;

  /**
   * Takes the lock, waiting while another thread holds it. Resolves to true once taken, or false
   * when `blocking: false` or the `timeout` (ms of virtual time) ran out first.
   */
  acquire(opts: BlockingOptions = {}): Promise<boolean> {
    const r = rt();
    const blocking = opts.blocking !== false;
    checkTimeout('Lock.acquire()', opts.timeout, blocking);
    if (!this.held) {
      this.take(r.currentThread);
      return done(r, true, 'Lock.acquire()', 'acquired');
    }
    if (!blocking) return done(r, false, 'Lock.acquire(blocking: false)', 'not acquired');
    return op(
      r,
      new Blocking(r, 'Lock.acquire()', {
        canGo: () => !this.held,
        go: () => {
          this.take(r.currentThread);
          return true;
        },
        timeout: opts.timeout,
        outcome: (v) => (v ? 'acquired' : 'timed out'),
      }),
    );
  }

  /** Releases the lock. Releasing a lock that is not locked is an error, as in Python. */
  release(): Promise<void> {
    const r = rt();
    if (!this.held) throw new RuntimeError('Lock.release(): release unlocked lock');
    this.held = false;
    this.holder = null;
    return done(r, undefined, 'Lock.release()', 'released');
  }

  /** Is it held now? */
  locked(): boolean {
    return this.held;
  }

  private take(t: Thread | null): void {
    this.held = true;
    this.holder = t;
  }

  /** @internal for Condition: can `t` take it now? */
  _canAcquire(_t: Thread | null): boolean {
    return !this.held;
  }
  /** @internal for Condition: a Lock is "owned" when it is locked (Python's rule). */
  _isOwned(_t: Thread | null): boolean {
    return this.held;
  }
  /** @internal */
  _releaseSave(): number {
    this.held = false;
    this.holder = null;
    return 1;
  }
  /** @internal */
  _acquireRestore(t: Thread | null, _saved: number): void {
    this.take(t);
  }
  /** @internal */
  get _holder(): Thread | null {
    return this.holder;
  }
}

/**
 * A reentrant lock, as Python's `threading.RLock`: owned by the thread that acquired it, which
 * may acquire it again; it must be released as many times, and only by its owner.
 */
export class RLock {
  private owner: Thread | null = null;
  private count = 0;

  /** Takes the lock (again, if this thread owns it). Same options as {@link Lock.acquire}. */
  acquire(opts: BlockingOptions = {}): Promise<boolean> {
    const r = rt();
    const me = r.currentThread;
    const blocking = opts.blocking !== false;
    checkTimeout('RLock.acquire()', opts.timeout, blocking);
    if (this.owner === me && me !== null) {
      this.count++;
      return done(r, true, 'RLock.acquire()', `acquired again (depth ${this.count})`);
    }
    if (this.owner === null) {
      this.owner = me;
      this.count = 1;
      return done(r, true, 'RLock.acquire()', 'acquired');
    }
    if (!blocking) return done(r, false, 'RLock.acquire(blocking: false)', 'not acquired');
    return op(
      r,
      new Blocking(r, 'RLock.acquire()', {
        canGo: () => this.owner === null,
        go: () => {
          this.owner = r.currentThread;
          this.count = 1;
          return true;
        },
        timeout: opts.timeout,
        outcome: (v) => (v ? 'acquired' : 'timed out'),
      }),
    );
  }

  /** Releases one level; only the owner may release. */
  release(): Promise<void> {
    const r = rt();
    if (this.owner === null || this.owner !== r.currentThread) {
      throw new RuntimeError(
        this.owner === null
          ? 'RLock.release(): cannot release un-acquired lock'
          : `RLock.release(): cannot release a lock owned by thread ${this.owner.name}`,
      );
    }
    this.count--;
    if (this.count === 0) this.owner = null;
    return done(r, undefined, 'RLock.release()', this.count === 0 ? 'released' : `depth ${this.count}`);
  }

  /** Is it held by any thread now? */
  locked(): boolean {
    return this.owner !== null;
  }

  /** @internal */
  _canAcquire(t: Thread | null): boolean {
    return this.owner === null || this.owner === t;
  }
  /** @internal */
  _isOwned(t: Thread | null): boolean {
    return this.owner !== null && this.owner === t;
  }
  /** @internal */
  _releaseSave(): number {
    const c = this.count;
    this.owner = null;
    this.count = 0;
    return c;
  }
  /** @internal */
  _acquireRestore(t: Thread | null, saved: number): void {
    this.owner = t;
    this.count = saved;
  }
}
