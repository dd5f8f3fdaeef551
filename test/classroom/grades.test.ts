/** One grade per declared case: the rows every classroom output is built from. */
import { gradeProblem, totals } from '../../harness/classroom/grades';
import { FOOBAR_CASES, caselessResult, failure, foobarResult } from './fixtures';

describe('gradeProblem', () => {
  test('gives partial credit case by case, and the score is the sum of the rows', () => {
    const g = gradeProblem(foobarResult(2), FOOBAR_CASES);
    expect(g.cases.map((c) => [c.name, c.status, c.points, c.maxPoints])).toEqual([
      ['n = 1', 'pass', 20, 20],
      ['n = 2', 'pass', 20, 20],
      ['n = 5', 'fail', 0, 20],
      ['n = 50', 'fail', 0, 20],
      ['n = 1000', 'fail', 0, 20],
    ]);
    expect([g.score, g.maxScore]).toEqual([40, 100]);
  });

  test('a failing case says its verdict once, points at the learner line, and carries the replay command', () => {
    const c = gradeProblem(foobarResult(4), FOOBAR_CASES).cases[4];
    expect(c.summary).toBe('DL deadlock: bar is blocked and no thread can proceed');
    expect(c.site).toEqual({ file: 'src/FooBar.ts', line: 29 });
    expect(c.command).toBe('npx interleave run foobar src/FooBar.ts --replay IL1.TOKEN');
    expect(c.details).toContain('case n = 1000');
    expect(c.details).toContain('--replay IL1.TOKEN');
  });

  test('an exception points at the line the judge says threw it, in the submission\'s folder', () => {
    const f = failure({ verdict: 'RTE', message: 'Error: boom (in thread foo)', blocked: undefined, stack: 'Error: boom\n    at FooBar.foo (FooBar.ts:7:11)', site: { file: 'FooBar.ts', line: 7, column: 11 } });
    expect(gradeProblem(foobarResult(0, f), FOOBAR_CASES).cases[0].site).toEqual({ file: 'src/FooBar.ts', line: 7, column: 11 });
  });

  test('a result without cases (wall clock, missing file) still grades every declared case with zero and the reason', () => {
    const g = gradeProblem(caselessResult('TLE', 'Stopped after 10 s of wall-clock time'), FOOBAR_CASES);
    expect(g.cases).toHaveLength(5);
    expect(g.cases.every((c) => c.status === 'fail' && c.points === 0 && c.problemLevel)).toBe(true);
    expect(g.cases[0].summary).toBe('TLE time limit exceeded: Stopped after 10 s of wall-clock time');
    expect([g.score, g.maxScore]).toEqual([0, 100]);
  });

  test('a judge error is an error, not a failure of the learner', () => {
    expect(gradeProblem(caselessResult('JE', 'the sandbox could not start'), FOOBAR_CASES).cases[0].status).toBe('error');
  });

  test('totals add up every problem', () => {
    const grades = [gradeProblem(foobarResult(5), FOOBAR_CASES), gradeProblem(foobarResult(1), FOOBAR_CASES)];
    expect(totals(grades)).toEqual({ score: 120, maxScore: 200 });
  });
});
