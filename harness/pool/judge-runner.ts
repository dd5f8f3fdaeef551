/**
 * The runner sandbox workers load by default: the real judge. worker-shims must load first, so
 * that the judge finds esbuild's stand-in when it loads.
 */
import { setCurrentTask } from './worker-shims';
import { judgeFile, type JudgeOptions } from '../judge/index';
import type { ProblemResult } from '../judge/result';
import { hardenRealm } from '../loader/evaluate';
import type { SandboxTask } from './job';

export { hardenRealm };

/** Judges a task with the parent's compiled code; the judge never reads the file. */
export async function judgeTask(task: SandboxTask): Promise<ProblemResult> {
  setCurrentTask(task);
  try {
    return await judgeFile(task.problemId, task.fileName, { ...(task.opts as JudgeOptions), source: task.source });
  } finally {
    setCurrentTask(undefined);
  }
}
