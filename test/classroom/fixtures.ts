/** Judge results made by hand, for the classroom outputs' unit tests (no judging needed). */
import type { CaseResult, Failure, ProblemResult, Verdict } from '../../harness/model/result';
import type { CaseInfo } from '../../harness/classroom/grades';

export const FOOBAR_CASES: CaseInfo[] = [
  { name: 'n = 1', points: 20 },
  { name: 'n = 2', points: 20 },
  { name: 'n = 5', points: 20 },
  { name: 'n = 50', points: 20 },
  { name: 'n = 1000', points: 20 },
];

export function failure(over: Partial<Failure> = {}): Failure {
  return {
    verdict: 'DL',
    message: 'deadlock: bar is blocked and no thread can proceed',
    threads: ['main', 'foo', 'bar'],
    startOrder: ['foo', 'bar'],
    trace: [
      { step: 1, thread: 1, kind: 'start', text: 'started' },
      { step: 2, thread: 1, kind: 'emit', text: 'printFoo() → "foo"', site: { file: 'FooBar.ts', line: 21 } },
      { step: 3, thread: 2, kind: 'block', text: 'waits in Event.wait()', site: { file: 'FooBar.ts', line: 29 } },
    ],
    steps: 3,
    blocked: [{ thread: 'bar', waitsIn: 'Event.wait()', site: { file: 'FooBar.ts', line: 29 } }],
    site: { file: 'FooBar.ts', line: 29 },
    notes: [],
    replay: 'IL1.TOKEN',
    reproduced: true,
    strategy: 'pct(d=2)',
    schedulesToFailure: 2,
    ...over,
  };
}

export function caseResult(name: string, points: number, verdict: Verdict = 'AC', f?: Failure): CaseResult {
  return {
    name,
    verdict,
    points: verdict === 'AC' ? points : 0,
    maxPoints: points,
    timeMs: 12.4,
    explored: { startOrders: 2, schedules: 200, steps: 2000, strategies: ['dfs', 'pct', 'random'], runMs: [], runSteps: [], busyWaiting: false },
    ...(f ? { failure: f } : {}),
  };
}

/** foobar with the first `passing` cases accepted and the others failing with `f`. */
export function foobarResult(passing: number, f: Failure = failure(), file = 'src/FooBar.ts'): ProblemResult {
  const cases = FOOBAR_CASES.map((c, i) => (i < passing ? caseResult(c.name, c.points) : caseResult(c.name, c.points, f.verdict, f)));
  const firstFail = cases.find((c) => c.failure);
  return {
    problem: 'foobar',
    file,
    verdict: firstFail?.verdict ?? 'AC',
    score: cases.reduce((a, c) => a + c.points, 0),
    maxScore: 100,
    seed: 1,
    timeMs: 100,
    cases,
    ...(firstFail ? { replay: firstFail.failure!.replay } : {}),
  };
}

/** A result the judge gave without any case: the worker was stopped, or the file is missing. */
export function caselessResult(verdict: Verdict, message: string, file = 'FooBar.ts', site?: { file: string; line: number }): ProblemResult {
  return { problem: 'foobar', file, verdict, score: 0, maxScore: 100, seed: 1, timeMs: 0, cases: [], error: { message, ...(site ? { site } : {}) } };
}
