/**
 * The driver of lowered `async` functions: esbuild turns every `async` function of learner code
 * into a generator and calls `__async(this, arguments, generator)`; the judge's replacement runs
 * the call as a task of the calling thread, at once until its first `await` (as a native async
 * function does), and hands the learner an operation to await. A call nobody awaits is noted.
 */
import { activeRuntime } from '../scheduler/active';
import { handOut } from '../scheduler/operation';
import type { Coroutine } from '../scheduler/task';

export function runAsync(thisArg: unknown, args: unknown, fn: (...a: unknown[]) => Coroutine): Promise<unknown> {
  const rt = activeRuntime();
  const thread = rt.currentThread ?? rt.mainThread;
  const result = rt.callAsTask(thread, thisArg, args, fn, 'async');
  // The call's line: past the async function's own frame (where esbuild put its driver call).
  if (rt.tracing) result.site = rt.site(1);
  rt.runAs(thread, () => rt.tracked(result));
  return handOut(result);
}
