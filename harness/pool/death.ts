/**
 * When a worker does not return a result, the job still gets one: why the worker stopped becomes
 * the verdict (TLE, MLE, RTE), or JE when the fault is the judge's, with a message saying what
 * happened and what to do.
 */
import { unjudgedResult } from '../model/unjudged';
import { maxScore } from '../judge/problem';
import { loadProblem } from '../judge/problems';
import type { CaseResult, ProblemResult, Verdict } from '../model/result';
import type { Job } from './job';

export type Death =
  /** The parent stopped the worker at the time limit: its CPU time, or the clock's where that cannot be read. */
  | { kind: 'cpu'; limitMs: number }
  /** The parent stopped the worker at the wall-clock limit (`limitMs`): with CPU time counted, at the backstop. */
  | { kind: 'wall'; limitMs: number; cpuLimitMs?: number }
  /** The parent stopped the worker above the resident-memory limit. */
  | { kind: 'rss'; limitMb: number; usedMb: number }
  /** The worker ended on its own (exit, signal, V8's out-of-memory abort). */
  | { kind: 'exit'; code: number | null; signal: string | null; stderr: string; heapMb: number }
  /** No worker took the job, after retries (attempts 0: the workers cannot start at all). */
  | { kind: 'start'; attempts: number; detail: string }
  /** The judge itself threw or answered nonsense. */
  | { kind: 'judge'; detail: string };

const HEAP_EXHAUSTED = /heap out of memory|Reached heap limit|Allocation failed/i;

/** Did the worker run out of heap (V8 aborts the process with a message on stderr)? */
export function outOfHeap(death: Extract<Death, { kind: 'exit' }>): boolean {
  return HEAP_EXHAUSTED.test(death.stderr) || death.signal === 'SIGABRT' || death.code === 134;
}

/** The verdict and message of a death. */
export function explainDeath(death: Death): { verdict: Verdict; message: string } {
  switch (death.kind) {
    case 'cpu':
      return {
        verdict: 'TLE',
        message:
          `Stopped after ${seconds(death.limitMs)} of CPU time, the limit for judging one file. Most ` +
          'often the code never gave control back to the judge: a loop with no `await` inside, or a ' +
          'promise callback that schedules itself forever.',
      };
    case 'wall':
      if (death.cpuLimitMs !== undefined) {
        return {
          verdict: 'TLE',
          message:
            `Stopped after ${seconds(death.limitMs)} of wall-clock time, ${Math.round(death.limitMs / death.cpuLimitMs)} times the limit of ` +
            `${seconds(death.cpuLimitMs)} of CPU time, without finishing: the judge waited for something that ` +
            'never came. If your code does not wait on anything outside interleave/sync, the machine was ' +
            'overloaded: judge it again.',
        };
      }
      return {
        verdict: 'TLE',
        message:
          `Stopped after ${seconds(death.limitMs)} of wall-clock time, the limit for judging one file. Most ` +
          'often the code never gave control back to the judge: a loop with no `await` inside, or a ' +
          'promise callback that schedules itself forever.',
      };
    case 'rss':
      return {
        verdict: 'MLE',
        message:
          `Stopped at ${Math.round(death.usedMb)} MB of memory (limit ${death.limitMb} MB, counting ` +
          'ArrayBuffers and typed arrays, which live outside the JavaScript heap). None of the problems ' +
          'needs large buffers; look for an allocation in a loop.',
      };
    case 'exit':
      if (outOfHeap(death)) {
        return {
          verdict: 'MLE',
          message:
            `Ran out of memory: the JavaScript heap reached its limit of ${death.heapMb} MB. Look for a ` +
            'collection that grows without bound, such as an array pushed to in a loop.',
        };
      }
      return {
        verdict: 'RTE',
        message:
          `The process judging this file stopped abruptly (${howItEnded(death)}) while the submission ` +
          'ran. A submission may not end or crash the judge; remove any call that exits or kills a process.' +
          lastLine(death.stderr),
      };
    case 'start':
      if (death.attempts === 0 && /the sandbox may not read /.test(death.detail)) {
        return {
          verdict: 'JE',
          message:
            `The judge's workers cannot start (${death.detail}): the sandbox refuses them a file of the judge's own. ` +
            "This is the judge's fault, not the submission's: please report it, saying how the judge is installed " +
            '(a linked folder, a package manager other than npm).',
        };
      }
      if (death.attempts === 0) {
        return {
          verdict: 'JE',
          message:
            `The judge's workers cannot start (${death.detail}). This is the installation's fault, not the ` +
            "submission's: run `npm run build` and check that Node is version 20 or newer.",
        };
      }
      return {
        verdict: 'JE',
        message:
          `No judge worker could take this job (${death.attempts} attempts): ${death.detail}. This is the ` +
          "judge's fault, not the submission's; run the same command again (finished jobs are kept).",
      };
    case 'judge':
      return {
        verdict: 'JE',
        message:
          `The judge failed on this file: ${death.detail}. This is the judge's fault, not the ` +
          "submission's; please report it together with the file.",
      };
  }
}

/** The result of a job whose worker did not give one. */
export function deathResult(job: Job, death: Death, timeMs: number): ProblemResult {
  const { verdict, message } = explainDeath(death);
  return failedResult(job, verdict, message, timeMs);
}

/** A result with no points for a job the judge did not (fully) run: every case gets the verdict. */
export function failedResult(job: Job, verdict: Verdict, message: string, timeMs = 0): ProblemResult {
  return unjudgedResult({
    problem: job.problemId,
    file: job.displayName ?? job.file,
    verdict,
    maxScore: job.maxScore ?? maxScoreOf(job.problemId),
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the judge proper loads only when needed
    seed: job.seed ?? (require('../judge/judge') as typeof import('../judge/judge')).DEFAULT_SEED,
    timeMs,
    cases: casesOf(job.problemId),
    error: { message },
  });
}

/** The problem's points (0 for a problem that cannot be loaded). */
export function maxScoreOf(problemId: string): number {
  try {
    return maxScore(loadProblem(problemId).spec);
  } catch {
    return 0;
  }
}

/** The problem's cases (none for a problem that cannot be loaded). */
function casesOf(problemId: string): ReadonlyArray<{ name: string; points: number }> {
  try {
    return loadProblem(problemId).spec.cases;
  } catch {
    return [];
  }
}

function howItEnded(death: Extract<Death, { kind: 'exit' }>): string {
  return death.signal ? `killed by ${death.signal}` : `exit code ${death.code}`;
}

function lastLine(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .pop();
  return line ? ` Its last words: ${JSON.stringify(line.slice(0, 200))}.` : '';
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}
