/**
 * The Node side of one Python job (see python-jobs.ts): receives the prepared task, judges it
 * (the learner's code runs only in the Python process the judge starts), sends the result back.
 */
import { provideCheckerBundle } from '../judge/index';
import { judgeSubmission } from '../judge/judge';
import { loadProblem } from '../judge/problems';
import type { SandboxTask } from './job';

process.once('message', (m: unknown) => {
  const task = m as SandboxTask;
  void (async () => {
    try {
      // The checker the parent bundled (as judge-runner.ts uses it): not bundled again here.
      if (task.checker) provideCheckerBundle(task.checker.file, task.checker.code);
      const result = await judgeSubmission(loadProblem(task.problemId), task.fileName, {
        ...task.opts,
        strategy: task.opts.strategy as never,
        source: task.source,
        compiled: task.compiled,
        compileError: task.compileError,
      });
      process.send!({ result }, () => process.exit(0));
    } catch (e) {
      process.send!({ error: e instanceof Error ? e.message : String(e) }, () => process.exit(0));
    }
  })();
});
