import { RuntimeError, argumentError } from './errors';
import { Lock, RLock, conditionLock, type ConditionLock } from './lock';
import { STILL_WAITING } from '../scheduler/wait';
import { Blocking, checkTimeout, done, op, rt, type BlockingOptions } from './op';
import type { Thread } from '../scheduler/thread';

interface Waiter {
  notified: boolean;
  /** The waiting thread's name, for traces: `notify() → woke even`. */
  thread: string;
}

/** `woke even`, `woke odd, even`, `woke nobody` (nobody was waiting: the notify is lost). */
function wokeText(names: readonly string[]): string {
  return names.length === 0 ? 'woke nobody' : `woke ${names.join(', ')}`;
}

/** Blocked waits' outcomes, for traces (one function each, not one per call). */
const wokenOrTimedOut = (v: boolean): string => (v ? 'woken, lock re-acquired' : 'timed out, lock re-acquired');
const trueOrTimedOut = (v: boolean): string => (v ? 'predicate true, lock re-acquired' : 'timed out, lock re-acquired');

/**
 * A condition variable, as Python's `threading.Condition`, around a `Lock` or `RLock` (an RLock
 * by default). The judge explores its weakest promises: `notify()` may wake any waiter, a woken
 * waiter competes for the lock again, and `wait()` may return without a notify (a spurious
 * wake-up), so always wait in a loop: `while (!ready) await cond.wait();` or use `waitFor`.
 */
export class Condition {
  readonly #lock: Lock | RLock;
  readonly #view: ConditionLock;
  #waiters: Waiter[] = [];

  constructor(lock?: Lock | RLock) {
    const l = lock ?? new RLock();
    const view = conditionLock(l);
    if (view === undefined) throw argumentError(new TypeError('new Condition(lock): lock must be a Lock or an RLock of interleave/sync'));
    this.#lock = l;
    this.#view = view;
    if (new.target === Condition) Object.freeze(this);
  }

  /** Acquires the underlying lock. */
  acquire(opts?: BlockingOptions | boolean): Promise<boolean> {
    return this.#lock.acquire(opts);
  }

  /** Releases the underlying lock. */
  release(): Promise<void> {
    return this.#lock.release();
  }

  /**
   * Releases the lock, waits until notified (or `timeout` ms passed, or spuriously), then
   * re-acquires the lock. Resolves to false only when the timeout passed. The caller must hold
   * the lock.
   */
  wait(timeout?: number): Promise<boolean> {
    const r = rt();
    checkTimeout('Condition.wait()', timeout);
    const me = r.currentThread;
    if (!this.#view.isOwned(me)) throw new RuntimeError('Condition.wait(): cannot wait on un-acquired lock');
    const saved = this.#view.releaseSave();
    const waiter = this.#enqueue();
    return op(
      r,
      this,
      new Blocking<boolean>(r, 'Condition.wait()', {
        canGo: () => waiter.notified && this.#view.canAcquire(me),
        go: () => {
          this.#view.acquireRestore(me, saved);
          return true;
        },
        timeout,
        timedOut: () => this.#timedOut(waiter, me, saved),
        canTimeOut: () => this.#view.canAcquire(me),
        outcome: wokenOrTimedOut,
      }),
    );
  }

  /**
   * Waits until `predicate()` is true, re-checking it (with the lock held) after every wake-up.
   * Resolves to the predicate's last value (false only if the timeout passed).
   */
  waitFor(predicate: () => boolean, timeout?: number): Promise<boolean> {
    const r = rt();
    checkTimeout('Condition.waitFor()', timeout);
    const me = r.currentThread;
    if (!this.#view.isOwned(me)) throw new RuntimeError('Condition.waitFor(): cannot wait on un-acquired lock');
    if (predicate()) return done(r, this, true, 'Condition.waitFor()', 'predicate already true');
    let saved = this.#view.releaseSave();
    let waiter = this.#enqueue();
    return op(
      r,
      this,
      new Blocking<boolean>(r, 'Condition.waitFor()', {
        canGo: () => waiter.notified && this.#view.canAcquire(me),
        go: () => {
          this.#view.acquireRestore(me, saved);
          if (predicate()) return true;
          saved = this.#view.releaseSave();
          waiter = this.#enqueue();
          return STILL_WAITING;
        },
        timeout,
        timedOut: () => {
          this.#timedOut(waiter, me, saved);
          return predicate();
        },
        canTimeOut: () => this.#view.canAcquire(me),
        outcome: trueOrTimedOut,
      }),
    );
  }

  /** Wakes up to `n` waiting threads (which ones is not promised). The caller must hold the lock. */
  notify(n = 1): Promise<void> {
    const r = rt();
    if (!this.#view.isOwned(r.currentThread)) {
      throw new RuntimeError('Condition.notify(): cannot notify on un-acquired lock');
    }
    const woken: string[] = [];
    while (woken.length < n && this.#waiters.length > 0) {
      const i = r.choose(this.#waiters.length, 'waiter');
      const w = this.#waiters.splice(i, 1)[0];
      w.notified = true;
      woken.push(w.thread);
    }
    return done(r, this, undefined, n === 1 ? 'Condition.notify()' : `Condition.notify(${n})`, r.tracing ? wokeText(woken) : undefined);
  }

  /** Wakes every waiting thread. The caller must hold the lock. */
  notifyAll(): Promise<void> {
    const r = rt();
    if (!this.#view.isOwned(r.currentThread)) {
      throw new RuntimeError('Condition.notifyAll(): cannot notify on un-acquired lock');
    }
    const woken = this.#waiters.map((w) => w.thread);
    for (const w of this.#waiters) w.notified = true;
    this.#waiters = [];
    return done(r, this, undefined, 'Condition.notifyAll()', r.tracing ? wokeText(woken) : undefined);
  }

  /** Python's spelling. */
  wait_for(predicate: () => boolean, timeout?: number): Promise<boolean> {
    return this.waitFor(predicate, timeout);
  }

  /** Python's spelling. */
  notify_all(): Promise<void> {
    return this.notifyAll();
  }

  #enqueue(): Waiter {
    const r = rt();
    const waiter: Waiter = { notified: false, thread: r.currentThread?.name ?? 'main' };
    this.#waiters.push(waiter);
    if (r.choose(2, 'spurious') === 1) {
      // Allowed by POSIX, Java and Python's docs: the judge makes this wait return un-notified.
      this.#waiters.pop();
      waiter.notified = true;
      r.note('The judge injected a spurious wake-up into Condition.wait() (allowed: always re-check the condition in a loop).');
      r.record(r.currentThread!, 'note', 'spurious wake-up injected');
    }
    return waiter;
  }

  #timedOut(waiter: Waiter, me: Thread | null, saved: number): false {
    const i = this.#waiters.indexOf(waiter);
    if (i >= 0) this.#waiters.splice(i, 1);
    // A timed-out wait still returns with the lock held; it may have to wait for it.
    this.#view.acquireRestore(me, saved);
    return false;
  }
}
