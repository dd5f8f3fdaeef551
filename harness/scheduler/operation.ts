/**
 * What learner code holds for an operation it started (`lock.acquire()`, `sleep(5)`, a call of
 * its own `async` function): a frozen thenable and nothing else. The {@link Wait} behind it, and
 * through the wait the whole run, live in a `#private` field that no reflection reaches, so a
 * learner who walks every object it is handed finds nothing of the judge.
 */
import { activeRuntime } from './active';
import { harden } from './harden';
import type { Wait } from './wait';

/**
 * Only the judge makes operations: `new (op.constructor)(…)` from learner code is refused. Judge
 * modules that subclass Operation (Future) pass it on; it is never handed to learner code.
 */
export const MAKER = Symbol('interleave operation');

let unwrap: (x: object) => Wait | undefined;

export class Operation<T = unknown> implements PromiseLike<T> {
  readonly #wait: Wait<T>;

  constructor(maker: symbol, wait: Wait<T>) {
    if (maker !== MAKER) throw harden(new TypeError('Operation: only interleave/sync makes operations'));
    this.#wait = wait;
    Object.freeze(this);
  }

  /**
   * Lets code that is not run by the scheduler (`Promise.all`, `.then` chains) use the
   * operation: the callbacks run as the thread that started it.
   */
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return activeRuntime().thenOf(this.#wait, onfulfilled, onrejected) as Promise<R1 | R2>;
  }

  /** As a promise's: `op.catch(handle)` is `op.then(undefined, handle)`. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  /** As a promise's: runs `onfinally` either way and passes the outcome on. */
  finally(onfinally?: (() => void) | null): Promise<T> {
    if (typeof onfinally !== 'function') return this.then();
    return this.then(
      (value) => {
        const r = onfinally();
        return Promise.resolve(r).then(() => value);
      },
      (reason: unknown) => {
        const r = onfinally();
        return Promise.resolve(r).then(() => {
          throw reason;
        });
      },
    );
  }

  static {
    unwrap = (x) => (#wait in x ? x.#wait : undefined);
  }
}
harden(Operation);

/** Wraps a wait for learner code (typed as the Promise the API promises). */
export function handOut<T>(wait: Wait<T>): Promise<T> {
  return new Operation(MAKER, wait) as unknown as Promise<T>;
}

/** The wait behind an operation handed out, or undefined for any other value. */
export function waitOf(x: unknown): Wait | undefined {
  return (typeof x === 'object' && x !== null) || typeof x === 'function' ? unwrap(x as object) : undefined;
}
