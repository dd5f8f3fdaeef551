/**
 * The `Promise` learner code sees: the realm's own, except that a callback attached with `.then`
 * (and so `Promise.all`, `finally`, `catch`) runs as a step of the thread that attached it, after
 * a switch point, as code after an `await` does; and the scheduler learns when a reaction may be
 * queued so it lets the microtask queue run before it decides the next step. Timers set and
 * operations started in such a callback belong to that thread, as a learner means them to.
 */
import { activeRuntimeOrNull } from './active';
import { harden } from './harden';
import { isStackOverflow } from './describe-error';

const NativePromise = Promise;

const nativeThen = NativePromise.prototype.then;
const swallow = (): void => undefined;

/**
 * The judge keeps the account of a learner promise's rejection (Runtime.run decides when it is
 * unhandled): the process hosting the run never sees it as an unhandled rejection of its own.
 */
function quiet(p: object): void {
  nativeThen.call(p, undefined, swallow);
}

/** Learner promises something was attached to (a `.then`, an `await`): their rejection is handled. */
const withHandler = new WeakSet<object>();

/** An `await` adopts `p` (promise-bridge.ts): its rejection, if it comes, is handled there. */
export function markHandled(p: object): void {
  withHandler.add(p);
  activeRuntimeOrNull()?.rejectionHandled(p);
}

export class ThreadPromise<T> extends NativePromise<T> {
  constructor(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void) {
    const rt = activeRuntimeOrNull();
    if (rt === null || typeof executor !== 'function') {
      super(executor);
      return;
    }
    // The executor may reject before `super` returns (Promise.reject): the promise is known after.
    let self: object | undefined;
    let early: { reason: unknown } | undefined;
    super((resolve, reject) => {
      try {
        executor(
          (value) => {
            rt.promiseActivity();
            resolve(value);
          },
          (reason) => {
            rt.promiseActivity();
            reject(reason);
            // As Node tracks it: rejected with nothing attached, it is unhandled unless something is
            // attached before every thread waits (Runtime.run checks then).
            if (self === undefined) early ??= { reason };
            else if (!withHandler.has(self)) {
              rt.rejectedUnhandled(self, reason);
              quiet(self);
            }
          },
        );
      } catch (e) {
        // The promise is rejected with what the executor threw, and a `.catch` may swallow it: a
        // call stack that ran out is the run's error wherever it is caught (catch-guard.ts).
        if (isStackOverflow(e)) rt.caughtStackOverflow(undefined, e);
        throw e;
      }
    });
    self = this;
    if (early !== undefined) {
      rt.rejectedUnhandled(this, early.reason);
      quiet(this);
    }
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const rt = activeRuntimeOrNull();
    if (rt === null) return super.then(onfulfilled, onrejected);
    rt.promiseActivity();
    withHandler.add(this);
    rt.rejectionHandled(this);
    const thread = rt.currentThread;
    // A callback that throws rejects the promise `.then` gives, through a promise of the judge's
    // (so not through the reject above): unhandled unless something is attached to it.
    let derived: object | undefined;
    const failed = (reason: unknown): void => {
      if (derived === undefined || withHandler.has(derived)) return;
      rt.rejectedUnhandled(derived, reason);
      quiet(derived);
    };
    const out: Promise<R1 | R2> = super.then(rt.asReaction(thread, onfulfilled, failed) as never, rt.asReaction(thread, onrejected, failed) as never);
    derived = out;
    return out;
  }

  /**
   * ES2024's `Promise.withResolvers()`: Node 22 has it, Node 20, which runs the judge, does not, so
   * a solution written on a newer Node failed with "is not a function".
   */
  static withResolvers<T>(): { promise: ThreadPromise<T>; resolve: (value: T | PromiseLike<T>) => void; reject: (reason?: unknown) => void } {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const promise = new ThreadPromise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }
}
harden(ThreadPromise);
