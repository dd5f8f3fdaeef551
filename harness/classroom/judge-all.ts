/**
 * Judges the planned files in the sandbox (the same containment as `grade`: wall clock, memory,
 * permissions), all in one pool. Every job gets a well-formed result, whatever happens: a missing
 * file, a sandbox that cannot start, or a judge that throws become a result with zero points
 * and a message.
 */
import { unjudgedResult } from '../model/unjudged';
import * as os from 'node:os';
import { DEFAULT_SEED } from '../judge/judge';
import { loadProblem } from '../judge/problems';
import { maxScore } from '../judge/problem';
import type { ProblemResult, Verdict } from '../model/result';
import { judgeJobs, limitsFor, type Job } from '../pool/index';
import type { PlannedJob } from './plan';

export interface JudgeAllOptions {
  seed?: number;
  /** Worker processes (default: one per core, at most one per job). */
  workers?: number;
  /** The runner workers judge with (tests); default: the real judge. */
  runner?: string;
}

/** The results of `jobs`, in the same order. Never rejects. */
export async function judgeAll(jobs: readonly PlannedJob[], opts: JudgeAllOptions = {}): Promise<ProblemResult[]> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const specs = jobs.map((j) => loadProblem(j.problemId).spec);
  const results: (ProblemResult | undefined)[] = jobs.map((j, i) =>
    j.exists ? undefined : stub(j, specs[i], seed, 'CE', missingMessage(j, specs[i].className)),
  );
  const pending = jobs.map((j, i) => i).filter((i) => results[i] === undefined);
  if (pending.length === 0) return results as ProblemResult[];

  const planned: Job[] = pending.map((i) => ({
    student: '',
    problemId: jobs[i].problemId,
    file: jobs[i].file,
    displayName: jobs[i].display,
    seed,
    maxScore: maxScore(specs[i]),
    wallMs: specs[i].limits.wallClockMs,
    rssMb: limitsFor(specs[i].limits.memoryMb).rssMb,
  }));
  try {
    const judged = await judgeJobs(planned, {
      workers: opts.workers ?? os.availableParallelism(),
      limits: limitsFor(Math.max(...pending.map((i) => specs[i].limits.memoryMb)), Math.max(...pending.map((i) => specs[i].limits.wallClockMs))),
      runner: opts.runner,
    });
    pending.forEach((i, k) => (results[i] = judged.results[k]));
  } catch (e) {
    const why = `the judge's sandbox could not start: ${(e as Error).message}. This is the judge's fault, not the submission's; run the grading again`;
    for (const i of pending) results[i] ??= stub(jobs[i], specs[i], seed, 'JE', why);
  }
  return results as ProblemResult[];
}

function missingMessage(j: PlannedJob, className: string): string {
  return `${j.display} not found: problem ${j.problemId} is graded from a file named ${className}.ts that exports class ${className}. Create it (start from the problem's template) and push it.`;
}

/** A result for a job the judge did not run: every case failed, zero points, the reason as the error. */
function stub(j: PlannedJob, spec: { cases: ReadonlyArray<{ name: string; points: number }> }, seed: number, verdict: Verdict, message: string): ProblemResult {
  return unjudgedResult({ problem: j.problemId, file: j.display, seed, verdict, error: { message }, cases: spec.cases });
}
