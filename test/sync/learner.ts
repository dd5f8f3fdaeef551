/**
 * Small helpers for tests that run learner-style code: where a line is in a scenario's source,
 * and which learner line a run-time error points at (through the loader's source map).
 */
import * as path from 'node:path';
import { loadSubmission } from '../../harness/loader/index';
import type { SourceSite } from '../../harness/model/result';
import type { ScenarioOptions, ScenarioResult } from '../support/scenario';
import type { Strategy } from '../../harness/strategies/strategy';

/** The 1-based line of the only line of `source` that contains `marker`. */
export function lineOf(source: string, marker: string): number {
  const lines = source.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`marker ${JSON.stringify(marker)} is on ${hits.length} lines of the scenario`);
  return hits[0];
}

/**
 * The learner's line a run's error was thrown from, mapped back through the source map the way
 * the judge maps it (the scenario is compiled under the name `scenario.ts`).
 */
export async function errorSite(source: string, r: ScenarioResult): Promise<SourceSite | undefined> {
  const sub = await loadSubmission(path.join(__dirname, '..', 'support', 'scenario.ts'), source);
  return sub.mapper.firstSite((r.error as Error | undefined)?.stack);
}

/** The scenario's `log` export. */
export function logOf(r: ScenarioResult): string[] {
  return (r.exports.log as string[]) ?? [];
}

/** The seeds 0…n-1. */
export function seeds(n: number): number[] {
  return [...Array(n).keys()];
}

/**
 * Runs every schedule a strategy has (until `nextSchedule()` says none is left, or `limit` runs).
 * The scenario helper starts each run with `nextSchedule()` itself, so the strategy is handed to
 * it behind a pass-through whose `nextSchedule` does nothing: here, and only here, it advances.
 */
export async function everySchedule(
  run: (opts: ScenarioOptions) => Promise<ScenarioResult>,
  strategy: Strategy,
  opts: Omit<ScenarioOptions, 'strategy'>,
  limit = 1000,
): Promise<ScenarioResult[]> {
  const driven: Strategy = {
    name: strategy.name,
    nextSchedule: () => true,
    pick: (runnable, current, yielding) => strategy.pick(runnable, current, yielding),
    choose: (bound, kind) => strategy.choose(bound, kind),
  };
  const results: ScenarioResult[] = [];
  while (results.length < limit && strategy.nextSchedule()) results.push(await run({ ...opts, strategy: driven }));
  return results;
}
