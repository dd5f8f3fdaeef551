/**
 * Where the judge's operations meet JavaScript's promises. Awaiting a thenable adopts it, as
 * JavaScript does; `.then` on an operation (directly, or through `Promise.all`) waits for it in
 * the thread that started the operation; a promise reaction runs as a step of the
 * thread that attached it, after a switch point, as the code after an `await` does (a check in
 * one `.then` and the act in the next are no more one step than across an `await`). Promise
 * machinery runs in microtasks, outside the scheduler's steps, so the kernel is told when a
 * reaction may be queued.
 */
import { awaitOnly } from './coroutines';
import { waitOf } from './operation';
import type { Runtime } from './runtime';
import { TaskResult, THEN_WAITER, type Coroutine } from './task';
import type { Thread } from './thread';
import { markHandled, ThreadPromise } from './thread-promise';
import { Failed, ForeignWait, Wait } from './wait';

/** The realm's own `then`, which makes no step of its own (the judge's adoption of a promise). */
const nativeThen = Promise.prototype.then;

/**
 * What awaiting `value` waits for: the operation behind a handle, a thenable (adopted, as
 * JavaScript does), or null for a value that is not thenable (`await 5`). `foreign` counts
 * thenables the judge did not make while they are pending.
 */
export function adopt(value: unknown, foreign: { started(): void; settled(): void }): Wait | null {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return null;
  // Learner code only ever holds operations (their brand is checked first: the common case);
  // the judge's own coroutines yield waits.
  let w = waitOf(value);
  try {
    // `instanceof` walks the value's prototype chain: a proxy's trap (or a revoked proxy) may throw.
    w ??= value instanceof Wait ? value : undefined;
  } catch (e) {
    return new Failed(e, 'await');
  }
  if (w !== undefined) {
    w.awaited = true;
    if (w instanceof TaskResult) w.observed = true;
    return w;
  }
  let then: unknown;
  try {
    then = (value as { then?: unknown }).then;
  } catch (e) {
    return new Failed(e, 'await');
  }
  if (typeof then !== 'function') return null;
  foreign.started();
  // Awaiting a learner's promise is one switch point, not one more for the judge's own reaction.
  const adoptWith = then === ThreadPromise.prototype.then ? nativeThen : then;
  if (adoptWith === nativeThen) markHandled(value);
  return new ForeignWait(value, adoptWith as never, () => foreign.settled());
}

/**
 * `.then` on an operation: a task of the thread that started the operation waits for it (the
 * operation is that thread's) and settles a promise whose callbacks run as the thread that attached
 * them (their code is that thread's: a thread handed another's operation cannot run code as it, and
 * call the other's print callback through it). An operation of a run that is over never settles.
 */
export function thenOf(rt: Runtime, wait: Wait, onfulfilled: unknown, onrejected: unknown): Promise<unknown> {
  wait.awaited = true;
  if (wait instanceof TaskResult) wait.observed = true;
  const owner = wait.thread;
  if (owner !== null && !rt.owns(owner)) return Object.freeze(new ThreadPromise<never>(() => {}));
  const thread = owner ?? rt.currentThread ?? rt.mainThread;
  const result = rt.callAsTask(thread, null, [wait], awaitOnly as (w: unknown) => Coroutine, THEN_WAITER);
  result.observed = true;
  const bridged = new ThreadPromise<unknown>((resolve, reject) => {
    result.onSettle(() => (result.ok ? resolve(result.value) : reject(result.value)));
  });
  // Frozen, not walked: Node may keep its async context on a promise (a test runner's state).
  const attacher = rt.currentThread ?? thread;
  return rt.runAs(attacher, () => Object.freeze(bridged.then(onfulfilled as never, onrejected as never)));
}

/**
 * A callback of a promise reaction, as JavaScript calls it: it makes the step of `thread` that
 * runs `fn` (Runtime.reaction), whose outcome the promise `.then` gave follows. It does nothing
 * once its run is over (a job leaves no callbacks behind for the next).
 */
export function asReaction(
  rt: Runtime,
  thread: Thread | null,
  fn: unknown,
  failed?: (reason: unknown) => void,
): ((value: unknown) => unknown) | undefined {
  if (typeof fn !== 'function') return undefined;
  return (value: unknown): unknown => (rt.done ? undefined : rt.reaction(thread ?? rt.mainThread, fn as (value: unknown) => unknown, value, failed));
}
