/**
 * Threads as bare coroutines under the runtime, without the loader: each thread is one task, so a
 * strategy's decisions map one to one onto interleavings of the threads' steps.
 */
import { Runtime, type RunOutcome } from '../../harness/scheduler/runtime';
import type { Coroutine } from '../../harness/scheduler/task';
import { Ready } from '../../harness/scheduler/wait';
import type { Strategy } from '../../harness/strategies/strategy';

/** A step that ends at a switch point; `yields` makes it give the processor up (yieldThread). */
export function step(yields = false): Ready<undefined> {
  return new Ready(undefined, yields ? 'yieldThread()' : 'step', yields);
}

/** Runs `threads` (name → body) once under `strategy`; the bodies log into the array they get. */
export async function runThreads(
  strategy: Strategy,
  threads: Record<string, (log: string[]) => Coroutine>,
  budget = 1000,
): Promise<RunOutcome & { log: string[] }> {
  const log: string[] = [];
  const rt = new Runtime({ strategy, budget, dataSeed: 1, tracing: false });
  for (const [name, body] of Object.entries(threads)) rt.startThread(name, () => body(log), true);
  const outcome = await rt.run();
  return { ...outcome, log };
}

/** Two threads a and b of `n` steps each, logging `a1`, `a2`…, with a switch point between steps. */
export function twoThreads(n: number): Record<string, (log: string[]) => Coroutine> {
  const body = (name: string) =>
    function* (log: string[]): Coroutine {
      for (let i = 1; i <= n; i++) {
        log.push(`${name}${i}`);
        if (i < n) yield step();
      }
      return undefined;
    };
  return { a: body('a'), b: body('b') };
}
