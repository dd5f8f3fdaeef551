/**
 * One job under the same containment as a class batch: what `interleave run` uses for its
 * wall-clock guard and memory limits.
 */
import type { ProblemResult } from '../model/result';
import type { Job } from './job';
import { judgeJobs } from './judge-jobs';
import type { Limits } from './limits';

/**
 * Judges one job in a fresh sandbox worker (permission model, SES, heap and memory limits, wall
 * clock) and stops the worker afterwards. Never rejects for the learner's faults.
 */
export async function judgeIsolated(
  job: Job,
  limits: Limits,
  options: { runner?: string; readable?: readonly string[] } = {},
): Promise<ProblemResult> {
  const { results } = await judgeJobs([job], { workers: 1, limits, ...options });
  return results[0];
}
