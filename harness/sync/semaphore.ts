import { ValueError } from './errors';
import { Blocking, checkTimeout, done, op, readOptions, rt, type BlockingOptions } from './op';

/** Lets BoundedSemaphore read and add to its base's permits, which learner code cannot reach. */
let permitsOf: (s: Semaphore) => number;

/**
 * A counting semaphore, as Python's `threading.Semaphore`: `acquire` takes a permit, waiting
 * while there is none; `release` gives permits back. Woken waiters are not handed the permit:
 * which waiter gets it is not promised.
 */
export class Semaphore {
  #value: number;
  /** `Semaphore` or `BoundedSemaphore`, for traces and messages (read once: it is on the hot path). */
  readonly #kind: string;

  constructor(value = 1) {
    if (!Number.isInteger(value) || value < 0) {
      throw new ValueError(`Semaphore(${String(value)}): initial value must be an integer >= 0`);
    }
    this.#value = value;
    this.#kind = new.target === BoundedSemaphore ? 'BoundedSemaphore' : 'Semaphore';
    if (new.target === Semaphore) Object.freeze(this);
  }

  static {
    permitsOf = (s) => s.#value;
  }

  /** Takes a permit. Resolves to false only with `blocking: false` or when the timeout passed. */
  acquire(options?: BlockingOptions): Promise<boolean> {
    const r = rt();
    const opts = readOptions(options);
    const blocking = opts.blocking !== false;
    const name = this.#kind;
    checkTimeout(`${name}.acquire()`, opts.timeout, blocking);
    if (this.#value > 0) {
      this.#value--;
      return done(r, this, true, `${name}.acquire()`, `acquired (${this.#value} left)`);
    }
    if (!blocking) return done(r, this, false, `${name}.acquire(blocking: false)`, 'not acquired');
    return op(
      r,
      this,
      new Blocking(r, `${name}.acquire()`, {
        canGo: () => this.#value > 0,
        go: () => {
          this.#value--;
          return true;
        },
        timeout: opts.timeout,
        outcome: (v) => (v ? `acquired (${this.#value} left)` : 'timed out'),
      }),
    );
  }

  /** Gives `n` permits back (Python 3.9+: `release(n)`). */
  release(n = 1): Promise<void> {
    const r = rt();
    if (!Number.isInteger(n) || n < 1) throw new ValueError(`${this.#kind}.release(${String(n)}): n must be a positive integer`);
    this.#value += n;
    return done(r, this, undefined, n === 1 ? `${this.#kind}.release()` : `${this.#kind}.release(${n})`, `${this.#value} available`);
  }

  /** The permits available now (for messages and assertions; do not synchronize on it). */
  get available(): number {
    return this.#value;
  }
}

/**
 * A semaphore that refuses to go above its start value, as Python's `BoundedSemaphore`:
 * releasing too many times is a ValueError (a run-time error naming your line).
 */
export class BoundedSemaphore extends Semaphore {
  readonly #initial: number;

  constructor(value = 1) {
    super(value);
    this.#initial = value;
    if (new.target === BoundedSemaphore) Object.freeze(this);
  }

  override release(n = 1): Promise<void> {
    if (Number.isInteger(n) && permitsOf(this) + n > this.#initial) {
      throw new ValueError(`BoundedSemaphore.release(): semaphore released too many times (start value ${this.#initial})`);
    }
    return super.release(n);
  }
}
