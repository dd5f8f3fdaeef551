/**
 * `interleave/jest`: judge a solution from a jest test file, one test per case of the problem.
 *
 * ```ts
 * // interleave.test.ts
 * import { judge } from 'interleave/jest';
 *
 * judge('foobar', './FooBar.ts');
 * ```
 *
 * A case passes when the judge accepts it; a failing case's message holds the verdict, the
 * interleaving that broke it (your lines at each step), expected vs actual, and the command that
 * replays it. The file is judged in a contained child process, so an endless loop fails the tests
 * instead of hanging jest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { failedBeforeAnyCase, sameFailures } from '../report/same-failure';
import type { ProblemResult } from '../model/result';
import { gradeProblem, type CaseInfo } from '../classroom/grades';
import { problemsDir } from '../paths';
import { PYTHON_BACKSTOP, PYTHON_WALL_FACTOR } from '../pool/python-jobs';
import { WALL_BACKSTOP } from '../pool/limits';
import { useProblemsDir } from '../judge/problems-config';
import { resolveStrategy, UnknownStrategyError } from '../strategies/registry';
import { detectRunner, setReplayRunner } from '../report/replay';
import { jestGlobals } from './globals';
import { locate, type Located } from './locate';
import { plainError, runJudge } from './run-judge';

export interface JudgeTestOptions {
  /** The seed of the exploration (default 1): the same file and seed always give the same verdict. */
  seed?: number;
  /** How long jest waits for the judge, in ms (default: the judge's own wall-clock backstop for the file, plus a minute). */
  timeout?: number;
  /**
   * The folder of problem packages, relative to the project (the folder of the nearest
   * package.json). Default: INTERLEAVE_PROBLEMS, else `problems` in the nearest
   * interleave.config.json, else the problems shipped with the package.
   */
  problems?: string;
  /** The exploration strategy (default: the portfolio); an unknown name fails with the valid ones. */
  strategy?: string;
}

/**
 * Registers a `describe` block for `problemId` with one test per case, judging `file` (relative to
 * the test file) once for all of them. Call it at the top level of a jest test file.
 */
export function judge(problemId: string, file: string, options: JudgeTestOptions = {}): void {
  const jest = jestGlobals();
  const where = locate(file, jest.expect.getState().testPath);
  let problem: { cases: CaseInfo[]; wallClockMs: number };
  try {
    prepare(where.cwd, options.problems);
    checkStrategy(options.strategy);
    problem = readProblem(problemId);
  } catch (e) {
    jest.test(`${problemId} · ${where.file}`, () => {
      throw e;
    });
    return;
  }
  const timeout = options.timeout ?? defaultTimeout(file, problem.wallClockMs);
  jest.describe(`${problemId} · ${where.file}`, () => {
    let outcome: { result: ProblemResult } | { error: Error } | undefined;
    jest.beforeAll(async () => {
      try {
        outcome = { result: await runJudge(problemId, where, { seed: options.seed, strategy: options.strategy, timeoutMs: timeout - 1_000 }) };
      } catch (e) {
        outcome = { error: e as Error };
      }
    }, timeout);
    for (const c of problem.cases) {
      jest.test(`${c.name} (${c.points} point${c.points === 1 ? '' : 's'})`, () => {
        if (!outcome) throw plainError(`the judge did not answer within ${timeout} ms; pass a longer { timeout } to judge()`);
        if ('error' in outcome) throw outcome.error;
        assertCase(outcome.result, problem.cases, c.name);
      });
    }
  });
}

/**
 * How long a judging may take before jest gives up on it: the judge's own time limit for the file
 * (a Python file gets PYTHON_WALL_FACTOR times the problem's) up to its wall-clock backstop
 * (WALL_BACKSTOP or PYTHON_BACKSTOP times that), and a minute for the rest.
 */
function defaultTimeout(file: string, wallClockMs: number): number {
  return (file.endsWith('.py') ? wallClockMs * PYTHON_WALL_FACTOR * PYTHON_BACKSTOP : wallClockMs * WALL_BACKSTOP) + 60_000;
}

/**
 * Judges `file` (relative to the working folder, or absolute) in the contained judge and resolves
 * to its result, for tests that want to check more than the verdict.
 */
export function judgeResult(problemId: string, file: string, options: JudgeTestOptions = {}): Promise<ProblemResult> {
  const where: Located = locate(file, undefined);
  prepare(where.cwd, options.problems);
  checkStrategy(options.strategy);
  const timeout = options.timeout ?? defaultTimeout(file, readProblem(problemId).wallClockMs);
  return runJudge(problemId, where, { seed: options.seed, strategy: options.strategy, timeoutMs: timeout });
}

/**
 * The problems folder of the project (INTERLEAVE_PROBLEMS, or interleave.config.json found upward
 * from it: the judge's child process inherits the choice), and the replay command that works there.
 */
function prepare(projectDir: string, problems?: string): void {
  try {
    useProblemsDir(projectDir, problems);
  } catch (e) {
    throw plainError(`interleave/jest: ${(e as Error).message}`);
  }
  setReplayRunner(detectRunner(projectDir));
}

/** An unknown strategy name is the test file's mistake: a clear error naming the valid ones. */
function checkStrategy(strategy: string | undefined): void {
  try {
    if (strategy !== undefined) resolveStrategy(strategy);
  } catch (e) {
    if (e instanceof UnknownStrategyError) throw plainError(`interleave/jest: judge(…, { strategy }): ${e.message}`);
    throw e;
  }
}

/** Throws the case's failure text unless the judge accepted it. */
function assertCase(result: ProblemResult, cases: readonly CaseInfo[], name: string): void {
  const text = caseFailureText(result, cases, name);
  if (text !== null) throw plainError(text);
}

/**
 * What a failing case's test says, or null when the judge accepted the case. A failure already
 * told in full for an earlier case (a compile error fails them all alike) is told once: the
 * others point to it.
 */
export function caseFailureText(result: ProblemResult, cases: readonly CaseInfo[], name: string): string | null {
  const grade = gradeProblem(result, cases).cases.find((c) => c.name === name);
  if (grade?.status === 'pass') return null;
  if (!grade) return `the judge said nothing about case "${name}" of ${result.problem}; this is the judge's fault`;
  const first = firstAlike(result, name);
  if (first !== undefined) return `${grade.summary}: the same failure as case "${first}" (told in full there)`;
  return `${grade.summary}\n\n${grade.details}\n`;
}

/** The earlier case that failed the same way as `name`, if any. */
function firstAlike(result: ProblemResult, name: string): string | undefined {
  if (failedBeforeAnyCase(result)) {
    const first = result.cases[0]?.name;
    return first === name ? undefined : first;
  }
  const c = result.cases.find((x) => x.name === name);
  return c ? sameFailures(result.cases.filter((x) => x.failure)).get(c)?.name : undefined;
}

/** The cases and wall clock of a problem, read from its problem.json (no judge loaded into jest). */
function readProblem(problemId: string): { cases: CaseInfo[]; wallClockMs: number } {
  const dir = problemsDir();
  const file = path.join(dir, problemId, 'problem.json');
  if (!/^[a-z0-9-]+$/.test(problemId) || !fs.existsSync(file)) {
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'problem.json'))) : [];
    throw plainError(`interleave/jest: unknown problem "${problemId}"; the problems are: ${known.sort().join(', ') || '(none)'}`);
  }
  const spec = JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: CaseInfo[]; limits: { wallClockMs: number } };
  return { cases: spec.cases.map((c) => ({ name: c.name, points: c.points })), wallClockMs: spec.limits.wallClockMs };
}
