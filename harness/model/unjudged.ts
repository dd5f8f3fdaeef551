/**
 * The one way to write a result for a file the judge did not judge through: a compile error, a
 * missing class, a worker that died, a file that was never submitted. Every case gets the verdict
 * and no points, so every reporter shows the same thing whoever made the result.
 */
import type { CaseResult, Exploration, ProblemResult, SourceSite, Verdict } from './result';

/** An exploration that ran nothing. */
export function noExploration(): Exploration {
  return { startOrders: 0, schedules: 0, steps: 0, strategies: [], runMs: [], runSteps: [], busyWaiting: false };
}

export interface Unjudged {
  problem: string;
  file: string;
  seed: number;
  verdict: Verdict;
  /** Why, in words the learner can act on. */
  error: { message: string; site?: SourceSite; frame?: string };
  /** The problem's cases (none when the problem itself could not be read). */
  cases: ReadonlyArray<{ name: string; points: number }>;
  timeMs?: number;
  /** The problem's points when its cases are not at hand (default: the cases' points). */
  maxScore?: number;
}

/** Every case failed with `verdict`, zero points, the reason as the result's error. */
export function unjudgedResult(u: Unjudged): ProblemResult {
  const cases: CaseResult[] = u.cases.map((c) => ({ name: c.name, verdict: u.verdict, points: 0, maxPoints: c.points, timeMs: 0, explored: noExploration() }));
  return {
    problem: u.problem,
    file: u.file,
    verdict: u.verdict,
    score: 0,
    maxScore: u.maxScore ?? u.cases.reduce((s, c) => s + c.points, 0),
    seed: u.seed,
    timeMs: Math.round(u.timeMs ?? 0),
    cases,
    error: { ...u.error },
  };
}
