/** Gradescope's results file: its documented fields, and the score the tests add up to. */
import { gradescopeResults } from '../../harness/classroom/gradescope';
import { gradeProblem } from '../../harness/classroom/grades';
import { FOOBAR_CASES, caselessResult, foobarResult } from './fixtures';

describe('the Gradescope results file', () => {
  const grades = [gradeProblem(foobarResult(3), FOOBAR_CASES), gradeProblem(caselessResult('TLE', 'Stopped after 10 s of wall-clock time'), FOOBAR_CASES)];
  const r = gradescopeResults(grades, 12.6);

  test('has a score, the execution time in seconds, an output, and one test per case', () => {
    expect(Object.keys(r).sort()).toEqual(['execution_time', 'output', 'score', 'tests']);
    expect(r.execution_time).toBe(13);
    expect(r.tests).toHaveLength(10);
    expect(r.output).toContain('Interleave: 60/200 points');
  });

  test('each test has name, score, max_score, status passed|failed, output and visibility "visible"', () => {
    for (const t of r.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
      expect(['passed', 'failed']).toContain(t.status);
      expect(t.visibility).toBe('visible');
    }
    expect(r.tests[0]).toMatchObject({ name: 'foobar › n = 1', score: 20, max_score: 20, status: 'passed' });
    expect(r.tests[4]).toMatchObject({ name: 'foobar › n = 1000', score: 0, max_score: 20, status: 'failed' });
    expect(r.tests[4].output).toContain('npx interleave run foobar src/FooBar.ts --replay IL1.TOKEN');
    expect(r.tests[9].output).toMatch(/^TLE time limit exceeded: Stopped after 10 s/);
  });

  test('the score is the sum of the tests\' scores', () => {
    expect(r.score).toBe(r.tests.reduce((a, t) => a + t.score, 0));
    expect(r.score).toBe(60);
  });
});
