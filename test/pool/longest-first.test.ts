/** The order jobs reach the workers: longest first, by a per-problem estimate learned as jobs finish. */
import { LongestFirst } from '../../harness/pool/longest-first';

const budgets: Record<string, number> = { small: 10, big: 100, mid: 50 };
const order = (problems: string[], budget = (p: string) => budgets[p]) => new LongestFirst(problems, budget);

test('before anything finished, the problems with the largest exploration budget go first', () => {
  const lf = order(['small', 'big', 'mid', 'big', 'small']);
  const taken = [lf.take(), lf.take(), lf.take(), lf.take(), lf.take(), lf.take()];
  expect(taken).toEqual([1, 3, 2, 0, 4, undefined]);
});

test('what a problem really takes overrides its budget once its jobs finish', () => {
  const lf = order(['big', 'small', 'small', 'big', 'mid']);
  expect(lf.take()).toBe(0);
  // "big" turned out quick: 5 ms a job, while budgets said it was the longest.
  lf.observe('big', 5);
  // Unseen problems are estimated at the batch's ms per budget unit (5 ms / 100 units): mid 2.5, small 0.5.
  expect(lf.estimate('mid')).toBeCloseTo(2.5);
  expect(lf.take()).toBe(3);
  lf.observe('small', 40);
  expect(lf.take()).toBe(1);
  expect(lf.take()).toBe(2);
  expect(lf.take()).toBe(4);
  expect(lf.size).toBe(0);
});

test('every job is taken exactly once', () => {
  const problems = Array.from({ length: 50 }, (_, i) => ['small', 'big', 'mid'][i % 3]);
  const lf = order(problems);
  const seen: number[] = [];
  for (let i = lf.take(); i !== undefined; i = lf.take()) {
    seen.push(i);
    lf.observe(problems[i], i % 7);
  }
  expect(seen.sort((a, b) => a - b)).toEqual(problems.map((_, i) => i));
});
