/**
 * The parent's part of a job before any worker sees it: read and compile the learner's file
 * (workers may neither read submissions nor run esbuild), and refuse what no solution can be.
 */
import * as fs from 'node:fs/promises';
import type { ProblemResult } from '../judge/result';
import { failedResult } from './death';
import { judgeOptionsOf, type Job, type SandboxTask } from './job';
import { checkerBundle, compileForWorker } from './precompile';

/** No solution to these problems is anywhere near this size. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** The task for a worker, or the job's result when the file cannot be judged at all. */
export async function prepareTask(job: Job): Promise<SandboxTask | ProblemResult> {
  const fileName = job.displayName ?? job.file;
  let source: string;
  try {
    const size = (await fs.stat(job.file)).size;
    if (size > MAX_SOURCE_BYTES) {
      return early(job, 'CE', `${fileName} is ${Math.round(size / 1024)} KB; the judge takes files up to ` +
        `${MAX_SOURCE_BYTES / 1024} KB. Submit only the solution class.`);
    }
    source = await fs.readFile(job.file, 'utf8');
  } catch (error) {
    return early(job, 'JE', `could not read ${fileName}: ${(error as Error).message}. Check that the ` +
      'file exists and that the grader may read it.');
  }
  try {
    const compiled = await compileForWorker(job.file, source);
    const checker = checkerBundle(job.problemId);
    return { problemId: job.problemId, fileName, source, ...compiled, checker, opts: judgeOptionsOf(job) };
  } catch (error) {
    return early(job, 'JE', `could not prepare ${fileName} for problem ${job.problemId}: ${(error as Error).message}`);
  }
}

function early(job: Job, verdict: 'CE' | 'JE', message: string): ProblemResult {
  return failedResult(job, verdict, message);
}
