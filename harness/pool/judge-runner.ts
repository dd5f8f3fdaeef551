/**
 * The runner sandbox workers load by default: the real judge, given what the parent compiled
 * (a worker cannot run esbuild: the permission model refuses it a child process).
 */
import { judgeFile, provideCheckerBundle, type JudgeOptions } from '../judge/index';
import type { ProblemResult } from '../model/result';
import { hardenRealm } from '../loader/evaluate';
import type { SandboxTask } from './job';

export { hardenRealm };

/** Judges a task with the parent's compiled code; the judge never reads the file. */
export async function judgeTask(task: SandboxTask): Promise<ProblemResult> {
  if (task.checker) provideCheckerBundle(task.checker.file, task.checker.code);
  return judgeFile(task.problemId, task.fileName, {
    ...(task.opts as JudgeOptions),
    source: task.source,
    compiled: task.compiled,
    compileError: task.compileError,
  });
}
