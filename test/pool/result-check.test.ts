/** What the grader does to a worker's answer before anyone reads it: long learner strings are cut. */
import { boundStrings, MAX_RESULT_STRING } from '../../harness/pool/result-check';

test('a string longer than the limit is cut wherever it is, saying how much went', () => {
  const long = 'x'.repeat(MAX_RESULT_STRING + 10);
  const result = { problem: 'p', cases: [{ name: 'a', failure: { message: long, trace: [{ text: 'ok' }] } }], error: { message: 'short' } };
  const bounded = boundStrings(result);
  expect(bounded.cases[0].failure.message).toBe(`${'x'.repeat(MAX_RESULT_STRING)}… (10 more characters cut by the judge)`);
  expect(bounded.cases[0].failure.trace).toEqual([{ text: 'ok' }]);
  expect(bounded.error).toEqual({ message: 'short' });
  // The worker's answer itself is not changed.
  expect(result.cases[0].failure.message).toHaveLength(MAX_RESULT_STRING + 10);
});

test('a result with no long string comes back as it is, not copied', () => {
  const result = { problem: 'p', cases: [{ name: 'a', explored: { runMs: [1, 2, 3] } }] };
  expect(boundStrings(result)).toBe(result);
});
