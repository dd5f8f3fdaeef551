/**
 * Shrinks a failing schedule before it is shown: the fewest switches between threads that still
 * fail the same way make the shortest story a student has to read. Greedy and bounded: each
 * preemption (a switch away from a thread that could have gone on) is taken out in turn, and the
 * change is kept when the run still fails with the same verdict and switches less. Every run is a
 * real run, so the result is replay-checked like any other failure.
 */
import type { LoadedSubmission } from '../loader/index';
import { GuidedStrategy, RecordingStrategy, type GuideStep } from '../strategies/guided';
import { ReplayStrategy } from '../strategies/replay';
import type { Strategy } from '../strategies/strategy';
import { executeRun, type RunResult } from './execution';
import type { LoadedProblem } from './problems';
import type { ReplayToken } from './replay-token';

/**
 * Bounds on the work of shrinking, counted in runs and steps, never in time: the same failure
 * must shrink to the same run on any machine, at any load.
 */
export interface ShrinkLimits {
  /** Runs tried at most. */
  runs: number;
  /** Scheduling steps of all runs tried, at most. */
  steps: number;
}

export const SHRINK_LIMITS: ShrinkLimits = { runs: 200, steps: 300_000 };

export interface Shrunk {
  token: ReplayToken;
  result: RunResult;
  /** The found run's switches and steps, to say how much shorter the shown run is. */
  original: { switches: number; steps: number };
}

interface Attempt {
  result: RunResult;
  taken: GuideStep[];
  preemptions: number[];
}

/**
 * The shrunk schedule of a failing run, or null when nothing shorter fails the same way (or the
 * found run does not come back when recorded: then it is shown as found).
 */
export async function shrinkFailure(
  problem: LoadedProblem,
  sub: LoadedSubmission,
  token: ReplayToken,
  found: RunResult,
  limits: ShrinkLimits = SHRINK_LIMITS,
): Promise<Shrunk | null> {
  // A livelock is shown folded; shrinking it toward fewer switches would only starve a thread.
  if (found.verdict === 'TLE') return null;
  let steps = 0;
  // A shorter story is not much longer: an attempt that runs on far past the found failure (a
  // whole passing run, once its preemption is gone) is cut there, as not failing the same way.
  const attemptBudget = Math.min(token.budget, 4 * found.steps + 1_000);
  const attempt = async (strategy: Strategy, budget = attemptBudget): Promise<Attempt> => {
    const recorder = new RecordingStrategy(strategy);
    recorder.nextSchedule();
    const result = await executeRun(problem, sub, {
      caseIndex: token.caseIndex,
      order: token.order,
      strategy: recorder,
      dataSeed: token.dataSeed,
      tracing: false,
      budget,
    });
    steps += result.steps;
    return { result, taken: recorder.taken, preemptions: recorder.preemptions };
  };
  let best = await attempt(new ReplayStrategy(token.decisions), token.budget);
  if (best.result.verdict !== found.verdict || best.result.steps !== found.steps) return null;
  const original = { switches: best.result.switches, steps: best.result.steps };
  let runs = 1;
  let k = 0;
  while (k < best.preemptions.length && runs < limits.runs && steps < limits.steps) {
    const guide = best.taken.slice();
    guide[best.preemptions[k]] = { pick: 'current' };
    const tried = await attempt(new GuidedStrategy(guide));
    runs++;
    if (tried.result.verdict === found.verdict && tried.result.switches < best.result.switches) {
      // The preemptions before k are as they were; the one at k is gone: look at k again.
      best = tried;
    } else {
      k++;
    }
  }
  if (best.result.switches >= original.switches) return null;
  return {
    token: { ...token, decisions: [...best.result.decisions] },
    result: best.result,
    original,
  };
}
