import { ValueError } from './errors';
import { Blocking, checkTimeout, done, op, readOptions, rt, type BlockingOptions, type BlockingSpec } from './op';

/** Lets BoundedSemaphore and the acquire spec read and take permits, which learner code cannot reach. */
let permitsOf: (s: Semaphore) => number;
let takePermit: (s: Semaphore) => void;

/** A blocked acquire, the same for every call (no closures a call). */
const ACQUIRE: BlockingSpec<boolean, Semaphore> = {
  canGo: (s) => permitsOf(s) > 0,
  go: (s) => {
    takePermit(s);
    return true;
  },
  outcome: (v, s) => (v ? `acquired (${permitsOf(s)} left)` : 'timed out'),
};

/** What traces and messages call each call, made once (string building showed in profiles). */
const TEXTS = {
  Semaphore: { acquire: 'Semaphore.acquire()', tryAcquire: 'Semaphore.acquire(blocking: false)', release: 'Semaphore.release()' },
  BoundedSemaphore: {
    acquire: 'BoundedSemaphore.acquire()',
    tryAcquire: 'BoundedSemaphore.acquire(blocking: false)',
    release: 'BoundedSemaphore.release()',
  },
} as const;

/**
 * A counting semaphore, as Python's `threading.Semaphore`: `acquire` takes a permit, waiting
 * while there is none; `release` gives permits back. Woken waiters are not handed the permit:
 * which waiter gets it is not promised.
 */
export class Semaphore {
  #value: number;
  /** `Semaphore` or `BoundedSemaphore`, for traces and messages. */
  readonly #kind: keyof typeof TEXTS;

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
    takePermit = (s) => {
      s.#value--;
    };
  }

  /** Takes a permit. Resolves to false only with `blocking: false` or when the timeout passed. */
  acquire(options?: BlockingOptions | boolean): Promise<boolean> {
    const r = rt();
    const opts = readOptions(options);
    const blocking = opts.blocking !== false;
    const texts = TEXTS[this.#kind];
    checkTimeout(texts.acquire, opts.timeout, blocking);
    if (this.#value > 0) {
      this.#value--;
      return done(r, this, true, texts.acquire, r.tracing ? `acquired (${this.#value} left)` : undefined);
    }
    if (!blocking) return done(r, this, false, texts.tryAcquire, 'not acquired');
    return op(r, this, new Blocking(r, texts.acquire, ACQUIRE, this as Semaphore, opts.timeout));
  }

  /** Gives `n` permits back (Python 3.9+: `release(n)`). */
  release(n = 1): Promise<void> {
    const r = rt();
    if (!Number.isInteger(n) || n < 1) throw new ValueError(`${this.#kind}.release(${String(n)}): n must be a positive integer`);
    this.#value += n;
    const text = n === 1 ? TEXTS[this.#kind].release : `${this.#kind}.release(${n})`;
    return done(r, this, undefined, text, r.tracing ? `${this.#value} available` : undefined);
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
