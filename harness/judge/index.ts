/**
 * The judge's entry points: judge a file for a problem, and find problems.
 */
import * as fs from 'node:fs';
import { judgeSubmission, type JudgeOptions } from './judge';
import { loadProblem } from './problems';
import type { ProblemResult } from '../model/result';

export { DEFAULT_SEED, type JudgeOptions } from './judge';
export { bundleChecker, listProblems, loadProblem, problemForFile, problemIds, provideCheckerBundle, ProblemError } from './problems';

/** Judges one file in-process. Learner faults are verdicts; only judge faults throw. */
export async function judgeFile(problemId: string, file: string, opts: JudgeOptions = {}): Promise<ProblemResult> {
  const problem = loadProblem(problemId);
  const source = opts.source ?? fs.readFileSync(file, 'utf8');
  return judgeSubmission(problem, file, { ...opts, source });
}
