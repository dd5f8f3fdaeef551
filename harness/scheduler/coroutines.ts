/**
 * Small coroutines the kernel and the promise bridge run as tasks.
 *
 * Every coroutine of the judge is a generator function declared once, at module level, and given
 * what it needs as arguments: never a `function*` made per run or per call. V8 gives each generator
 * function object a map of its own, made in the old generation and pointing back at the function,
 * so a `function*` made per run (the launcher closed over the runtime, the instance and the case)
 * kept that run alive through every young-generation GC until a major one. Learner code makes such
 * closures too (esbuild lowers each `async` call to one), which is why a runtime also lets go of
 * what it collected when its run ends (Runtime.release). Together, in `bench:scheduler -- --rounds
 * 40`: page faults 5.6–6.5 per 1,000 FooBar steps before, 1.7–1.9 after; a step's median 253–321
 * ns before, 186–208 after. test/architecture/run-closures.test.ts keeps the judge's side so.
 * @internal
 */
import type { Coroutine } from './task';
import { Ready, type Wait } from './wait';

/** A timer's callback, as a task. */
export function* callbackBody(fn: () => unknown): Coroutine {
  return yield fn();
}

/** Where an immediate's callback task gives way first: a yield no trace shows. */
const GIVE_WAY = (() => {
  const w = new Ready(undefined, 'setImmediate', true);
  w.silent = true;
  return w;
})();

/**
 * `setImmediate`'s callback, as a task: it first gives way, as `yieldThread()` does, then runs. Node
 * runs an immediate after what else is ready, so a loop that polls with one lets other threads
 * (and time) go on; run at once, it kept its thread running for ever.
 */
export function* immediateBody(fn: () => unknown): Coroutine {
  yield GIVE_WAY;
  return yield fn();
}

/** A promise reaction (`.then`'s callback) as a task: its value settles the promise `.then` gave. */
export function* reactionBody(fn: (value: unknown) => unknown, value: unknown): Coroutine {
  const result = fn(value);
  // What it gave back is adopted as an await would (an operation, a promise), in this thread.
  return result !== null && (typeof result === 'object' || typeof result === 'function') ? yield result : result;
}

/** A task that only waits on `w`. */
export function* awaitOnly(w: Wait): Coroutine {
  return yield w;
}
