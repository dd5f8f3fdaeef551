/**
 * Runs a few threads of learner-style code under the controlled runtime, without a problem
 * package: the way the tests exercise `interleave/sync` and the strategies. The source is
 * compiled by the real loader (so every `await` is a switch point) and must export one async
 * function per thread, plus anything the test wants to read afterwards (a `log` array, say).
 */
import * as path from 'node:path';
import { loadSubmission } from '../../harness/loader/index';
import { setActiveRuntime } from '../../harness/scheduler/active';
import { Runtime, type RunOutcome } from '../../harness/scheduler/runtime';
import type { Coroutine } from '../../harness/scheduler/task';
import { RandomStrategy } from '../../harness/strategies/random';
import type { Strategy } from '../../harness/strategies/strategy';

export interface ScenarioOptions {
  /** Exported functions to run, one thread each, started in this order. */
  threads: string[];
  strategy?: Strategy;
  seed?: number;
  budget?: number;
  tracing?: boolean;
}

export interface ScenarioResult extends RunOutcome {
  /** The module's exports after the run (read `log`, counters…). */
  exports: Record<string, unknown>;
}

/** Compiles `source` (TypeScript) and runs the named exports as threads, once. */
export async function runScenario(source: string, opts: ScenarioOptions): Promise<ScenarioResult> {
  const sub = await loadSubmission(path.join(__dirname, 'scenario.ts'), source);
  return runLoaded(sub, opts);
}

/** Compiles once; returns a function that runs it under a given strategy (for exploring). */
export async function compileScenario(source: string): Promise<(opts: ScenarioOptions) => Promise<ScenarioResult>> {
  const sub = await loadSubmission(path.join(__dirname, 'scenario.ts'), source);
  return (opts) => runLoaded(sub, opts);
}

async function runLoaded(sub: Awaited<ReturnType<typeof loadSubmission>>, opts: ScenarioOptions): Promise<ScenarioResult> {
  const strategy = opts.strategy ?? new RandomStrategy(opts.seed ?? 1);
  strategy.nextSchedule();
  const rt = new Runtime({
    strategy,
    budget: opts.budget ?? 10_000,
    dataSeed: opts.seed ?? 1,
    tracing: opts.tracing ?? false,
    captureSite: (skip) => sub.mapper.callerSite(skip),
  });
  setActiveRuntime(rt);
  try {
    const exports = rt.runAsMain(() => sub.runModule());
    for (const name of opts.threads) {
      const fn = exports[name];
      if (typeof fn !== 'function') throw new Error(`scenario does not export a function ${name}`);
      rt.startThread(
        name,
        function* (): Coroutine {
          return yield (fn as () => unknown)();
        },
        true,
      );
    }
    const outcome = await rt.run();
    return { ...outcome, exports };
  } finally {
    setActiveRuntime(null);
  }
}

/** Runs `source` under many seeds of the random strategy; returns every distinct log seen. */
export async function exploreLogs(source: string, threads: string[], seeds = 200): Promise<Set<string>> {
  const run = await compileScenario(source);
  const seen = new Set<string>();
  for (let s = 0; s < seeds; s++) {
    const r = await run({ threads, seed: s });
    seen.add(`${r.verdict}:${((r.exports.log as string[]) ?? []).join(',')}`);
  }
  return seen;
}
