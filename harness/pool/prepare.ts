/**
 * The parent's part of a job before any worker sees it: read and compile the learner's file
 * (workers may neither read submissions nor run esbuild), and refuse what no solution can be.
 */
import { loadProblem } from '../judge/problems';
import type { ProblemResult } from '../model/result';
import { resolveStrategy } from '../strategies/registry';
import { failedResult } from './death';
import { judgeOptionsOf, type Job, type SandboxTask } from './job';
import { checkerBundle, compileForWorker } from './precompile';
import { SpecialImportError } from '../loader/compile';
import { specialImportMessage } from '../loader/special-files';
import { readSubmission, UnreadableFile } from './regular-files';

export { MAX_SOURCE_BYTES } from './regular-files';

/**
 * Throws for a job the caller got wrong, before any worker sees it: an unknown strategy
 * (UnknownStrategyError; `fifo`, the benchmark's baseline, is no judge) or a replay token that is
 * damaged or does not fit the problem (ReplayTokenError). Checked in the parent, so that such a
 * mistake is an error the caller reports, never a judge error or a verdict of the file.
 */
export function checkJob(job: Job): void {
  if (job.strategy !== undefined) resolveStrategy(job.strategy);
  if (job.replay !== undefined) {
    // The judge proper is loaded only for a replay: the grader itself never runs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkReplayToken } = require('../judge/judge') as typeof import('../judge/judge');
    checkReplayToken(loadProblem(job.problemId), job.replay);
  }
}

/** The task for a worker, or the job's result when the file cannot be judged at all. */
export async function prepareTask(job: Job): Promise<SandboxTask | ProblemResult> {
  const fileName = job.displayName ?? job.file;
  let source: string;
  try {
    source = await readSubmission(job.file, { shown: fileName });
  } catch (error) {
    // A pipe, a socket, a device or a huge file is the submission's doing; a slow disk is not.
    if (error instanceof UnreadableFile && error.reason !== 'slow') return early(job, 'CE', error.message);
    return early(job, 'JE', `could not read ${fileName}: ${(error as Error).message}. Check that the ` +
      'file exists and that the grader may read it.');
  }
  try {
    const compiled = await compileForWorker(job.file, source);
    const checker = checkerBundle(job.problemId);
    return { problemId: job.problemId, fileName, source, ...compiled, checker, opts: judgeOptionsOf(job) };
  } catch (error) {
    // A pipe among the files it imports (never opened): said with the file's name as shown.
    if (error instanceof SpecialImportError) return early(job, 'CE', specialImportMessage(fileName, error.found));
    return early(job, 'JE', `could not prepare ${fileName} for problem ${job.problemId}: ${(error as Error).message}`);
  }
}

function early(job: Job, verdict: 'CE' | 'JE', message: string): ProblemResult {
  return failedResult(job, verdict, message);
}
