/**
 * One job under the same containment as a class batch: what `interleave run` uses for its
 * time and memory limits.
 */
import type { ProblemResult } from '../model/result';
import type { Job } from './job';
import { judgeJobs } from './judge-jobs';
import type { Limits } from './limits';
import type { Sandbox } from './sandbox';

/**
 * Judges one job in a fresh sandbox worker (permission model, SES, heap and memory limits, wall
 * clock) and stops the worker afterwards. Never rejects for the learner's faults.
 */
export async function judgeIsolated(
  job: Job,
  limits: Limits,
  /** A stand-in runner (tests), or a sandbox already starting (early-sandbox.ts). */
  options: { runner?: string; readable?: readonly string[]; sandbox?: Promise<Sandbox> } = {},
): Promise<ProblemResult> {
  const { results } = await judgeJobs([job], { workers: 1, limits, ...options });
  return results[0];
}
