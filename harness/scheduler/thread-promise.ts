/**
 * The `Promise` learner code sees: the realm's own, except that a callback attached with `.then`
 * (and so `Promise.all`, `finally`, `catch`) runs as a step of the thread that attached it, after
 * a switch point, as code after an `await` does; and the scheduler learns when a reaction may be
 * queued so it lets the microtask queue run before it decides the next step. Timers set and
 * operations started in such a callback belong to that thread, as a learner means them to.
 */
import { activeRuntimeOrNull } from './active';
import { harden } from './harden';

const NativePromise = Promise;

export class ThreadPromise<T> extends NativePromise<T> {
  constructor(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void) {
    const rt = activeRuntimeOrNull();
    if (rt === null || typeof executor !== 'function') {
      super(executor);
      return;
    }
    super((resolve, reject) =>
      executor(
        (value) => {
          rt.promiseActivity();
          resolve(value);
        },
        (reason) => {
          rt.promiseActivity();
          reject(reason);
        },
      ),
    );
  }

  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    const rt = activeRuntimeOrNull();
    if (rt === null) return super.then(onfulfilled, onrejected);
    rt.promiseActivity();
    const thread = rt.currentThread;
    return super.then(rt.asReaction(thread, onfulfilled) as never, rt.asReaction(thread, onrejected) as never);
  }
}
harden(ThreadPromise);
