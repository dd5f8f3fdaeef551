/**
 * One job under the same containment as a class batch: what `interleave run` uses for its
 * wall-clock guard and memory limits.
 */
import type { ProblemResult } from '../model/result';
import type { Job } from './job';
import type { Limits } from './limits';
import { Sandbox } from './sandbox';

/**
 * Judges one job in a fresh sandbox worker (permission model, SES, heap and memory limits, wall
 * clock) and stops the worker afterwards. Never rejects for the learner's faults.
 */
export async function judgeIsolated(
  job: Job,
  limits: Limits,
  options: { runner?: string; readable?: readonly string[] } = {},
): Promise<ProblemResult> {
  const sandbox = await Sandbox.create({ workers: 1, limits, ...options });
  try {
    return await sandbox.run(job);
  } finally {
    await sandbox.close();
  }
}
