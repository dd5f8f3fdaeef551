/**
 * The seam between a sandbox worker and the judge it runs: the worker loads a runner module,
 * hardens the realm once through it, then judges tasks with it. The shipped runner is
 * `judge-runner.ts`; tests may swap in a stand-in (a plain .js module with the same exports).
 */
import type { ProblemResult } from '../model/result';
import type { SandboxTask } from './job';

export interface SandboxRunner {
  /** Locks the realm down (SES); called once per worker, before any learner code. */
  hardenRealm(): void;
  /** Judges one task; resolves with a verdict for every learner fault, rejects only for the judge's own. */
  judgeTask(task: SandboxTask): Promise<ProblemResult>;
}

/** The environment variable through which a worker learns which runner module to load. */
export const RUNNER_ENV = 'INTERLEAVE_SANDBOX_RUNNER';
