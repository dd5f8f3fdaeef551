/** GitHub Classroom's payload: the fields the grading reporter reads, totals, and its size. */
import {
  autogradingError,
  autogradingResult,
  decodeAutograding,
  encodeAutograding,
  PAYLOAD_LIMIT,
} from '../../harness/classroom/autograding';
import { gradeProblem, totals } from '../../harness/classroom/grades';
import type { TraceStep } from '../../harness/model/result';
import { FOOBAR_CASES, caselessResult, failure, foobarResult } from './fixtures';

/** What the reporter does: decode, sum each test's score, add up max_score. */
function reporterPoints(encoded: string): { points: number; max: number } {
  const r = decodeAutograding(encoded);
  return { points: r.tests.reduce((a, t) => a + t.score, 0), max: r.max_score };
}

describe('the GitHub Classroom autograding payload', () => {
  const grades = [gradeProblem(foobarResult(3), FOOBAR_CASES), gradeProblem(caselessResult('CE', 'FooBar.ts:4:13: Unexpected ";"', 'ZeroEvenOdd.ts', { file: 'ZeroEvenOdd.ts', line: 4 }), FOOBAR_CASES)];

  test('has version 1, a status and one test per case with the documented fields', () => {
    const r = decodeAutograding(encodeAutograding(autogradingResult(grades)));
    expect(r.version).toBe(1);
    expect(r.status).toBe('fail');
    expect(r.tests).toHaveLength(10);
    for (const t of r.tests) {
      expect(Object.keys(t).sort()).toEqual(['duration', 'filename', 'line_no', 'max_score', 'message', 'name', 'score', 'status', 'test_code'].sort());
    }
    expect(r.tests[0]).toMatchObject({ name: 'foobar › n = 1', status: 'pass', score: 20, max_score: 20, filename: 'src/FooBar.ts', duration: 12 });
    expect(r.tests[3]).toMatchObject({ name: 'foobar › n = 50', status: 'fail', score: 0, max_score: 20, filename: 'src/FooBar.ts', line_no: 29 });
    expect(r.tests[3].test_code).toBe('npx interleave run foobar src/FooBar.ts --replay IL1.TOKEN');
  });

  test('the reporter\'s "Points X/Y" equals the graded total', () => {
    expect(reporterPoints(encodeAutograding(autogradingResult(grades)))).toEqual({ points: totals(grades).score, max: totals(grades).maxScore });
    expect(reporterPoints(encodeAutograding(autogradingResult(grades)))).toEqual({ points: 60, max: 200 });
  });

  test('a file that does not compile fails every case with zero points and the error at its file and line', () => {
    const ce = decodeAutograding(encodeAutograding(autogradingResult(grades))).tests.slice(5);
    expect(ce.every((t) => t.status === 'fail' && t.score === 0)).toBe(true);
    expect(ce[0]).toMatchObject({ filename: 'ZeroEvenOdd.ts', line_no: 4 });
    expect(ce[0].message).toMatch(/^CE compile error: FooBar\.ts:4:13: Unexpected ";"/);
  });

  test('passes only when every case passes; a judge error makes it an error', () => {
    expect(autogradingResult([gradeProblem(foobarResult(5), FOOBAR_CASES)]).status).toBe('pass');
    expect(autogradingResult([gradeProblem(caselessResult('JE', 'no worker'), FOOBAR_CASES)]).status).toBe('error');
  });

  test('a huge failure (megabytes of message, stack and trace) stays well under the 1 MB output limit', () => {
    const text = 'x'.repeat(5_000_000);
    const trace: TraceStep[] = Array.from({ length: 100_000 }, (_, i) => ({ step: i, thread: 1 + (i % 2), kind: 'op', text: `Lock.acquire() ${'y'.repeat(200)}`, site: { file: 'FooBar.ts', line: 3 } }));
    const huge = failure({ verdict: 'WA', message: text, expected: text, actual: text, stack: `Error: ${text}\n    at FooBar.foo (FooBar.ts:3:1)`, trace, steps: trace.length });
    const graded = gradeProblem(foobarResult(0, huge), FOOBAR_CASES);
    const many = Array.from({ length: 6 }, () => graded);
    const encoded = encodeAutograding(autogradingResult(many));
    expect(encoded.length).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(encoded.length).toBeLessThan(1_000_000 / 4);
    const r = decodeAutograding(encoded);
    expect(r.tests).toHaveLength(30);
    expect(reporterPoints(encoded)).toEqual({ points: 0, max: 600 });
    expect(r.tests[0].test_code).toContain('--replay IL1.TOKEN');
  });

  test('learner text cannot start a workflow command when the reporter prints it', () => {
    const f = failure({ verdict: 'RTE', message: 'Error: x\n::add-mask::secret\n::error::fake', stack: 'Error: x\n::add-mask::secret\n    at FooBar.foo (FooBar.ts:3:1)' });
    const r = decodeAutograding(encodeAutograding(autogradingResult([gradeProblem(foobarResult(0, f), FOOBAR_CASES)])));
    for (const t of r.tests) {
      for (const line of `${t.message}\n${t.test_code}`.split('\n')) expect(line.trimStart().startsWith('::')).toBe(false);
    }
  });

  test('when grading cannot happen, an error payload says why', () => {
    const r = decodeAutograding(encodeAutograding(autogradingError('unknown problem "fooba"')));
    expect(r).toMatchObject({ version: 1, status: 'error', max_score: 0 });
    expect(r.tests[0]).toMatchObject({ status: 'error', score: 0, message: 'unknown problem "fooba"' });
  });
});
