/**
 * A slow file's verdict does not depend on the machine: the judge counts the rounds of the
 * learner's loops, in one run and in all runs of the file, and stops at a count, not a clock. A red
 * team's correct FizzBuzz doing 780,000 rounds of arithmetic before each print got AC, TLE, AC
 * for the same seed, as the machine's load moved its CPU time around the 10 s limit; and when the
 * CPU limit stopped a file, the cases judged before lost their points.
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { FILE_ROUNDS_LIMIT } from '../../harness/judge/judge';
import { RUN_ROUNDS_LIMIT } from '../../harness/scheduler/runtime';
import type { ProblemResult } from '../../harness/model/result';

const FILE = path.join(__dirname, 'not-on-disk', 'FizzBuzz.ts');

/** A correct FizzBuzz (an Event per number) that does `work` rounds of arithmetic before each print. */
const slowFizzBuzz = (work: number): string => `
import { Event } from 'interleave/sync';
export class FizzBuzz {
  private ev: Event[] = [];
  constructor(private n: number) {
    for (let i = 0; i <= this.n; i++) this.ev.push(new Event());
  }
  private async walk(mine: (i: number) => boolean, say: (i: number) => void) {
    if (!this.ev[0].isSet()) await this.ev[0].set();
    for (let i = 1; i <= this.n; i++) {
      if (!mine(i)) continue;
      await this.ev[i - 1].wait();
      let x = 0;
      for (let k = 0; k < ${work}; k++) x = (x * 31 + k) | 0;
      if (x === 42) say(-1);
      say(i);
      await this.ev[i].set();
    }
  }
  fizz = (p: () => void) => this.walk((i) => i % 3 === 0 && i % 5 !== 0, () => p());
  buzz = (p: () => void) => this.walk((i) => i % 5 === 0 && i % 3 !== 0, () => p());
  fizzbuzz = (p: () => void) => this.walk((i) => i % 15 === 0, () => p());
  number = (p: (x: number) => void) => this.walk((i) => i % 3 !== 0 && i % 5 !== 0, (i) => p(i));
}
`;

/** Everything a learner reads of a result, without the wall-clock figures. */
function seen(r: ProblemResult): unknown {
  return {
    verdict: r.verdict,
    score: r.score,
    error: r.error?.message,
    cases: r.cases.map((c) => [c.name, c.verdict, c.points, c.explored.schedules, c.failure?.message]),
  };
}

describe('the loop rounds of a whole file are counted', () => {
  // A limit the test reaches in a fraction of a second: the rule is the same at the real one.
  const limit = 3_000_000;
  let first: ProblemResult;
  let second: ProblemResult;
  beforeAll(async () => {
    first = await judgeFile('fizz-buzz', FILE, { source: slowFizzBuzz(2000), seed: 1, maxRoundsPerFile: limit });
    second = await judgeFile('fizz-buzz', FILE, { source: slowFizzBuzz(2000), seed: 1, maxRoundsPerFile: limit });
  });

  test('past the limit the file is TLE, stopped in the case it had reached, and the message says why', () => {
    expect(first.verdict).toBe('TLE');
    const stopped = first.cases.findIndex((c) => c.verdict === 'TLE');
    expect(stopped).toBeGreaterThan(0);
    expect(first.error!.message).toContain(`Stopped in case ${first.cases[stopped].name}, after ${first.cases[stopped].explored.schedules} schedule`);
    expect(first.error!.message).toContain('3,000,000 times');
    expect(first.error!.message).toContain('slow, not stuck');
  });

  test('cases judged before keep their points; the case stopped and those after score nothing', () => {
    const stopped = first.cases.findIndex((c) => c.verdict === 'TLE');
    const before = first.cases.slice(0, stopped);
    expect(before.every((c) => c.verdict === 'AC' && c.points === c.maxPoints)).toBe(true);
    expect(first.score).toBe(before.reduce((s, c) => s + c.points, 0));
    expect(first.cases.slice(stopped + 1).every((c) => c.verdict === 'TLE' && c.points === 0 && c.explored.schedules === 0)).toBe(true);
  });

  test('the same file and seed stop at the same schedule every time', () => {
    expect(seen(second)).toEqual(seen(first));
  });

  test('the real limit is far above what the file needs: judged in full, it is AC', async () => {
    const r = await judgeFile('fizz-buzz', FILE, { source: slowFizzBuzz(2000), seed: 1, schedules: 4 });
    expect([r.verdict, r.error]).toEqual(['AC', undefined]);
    expect(FILE_ROUNDS_LIMIT).toBeGreaterThan(100 * limit);
  });
});

test('one run past its count of loop rounds is TLE at the loop, and its replay stops there too', async () => {
  // n = 15 prints 15 times: RUN_ROUNDS_LIMIT / 10 rounds a print passes the run's count in the first run.
  const r = await judgeFile('fizz-buzz', FILE, { source: slowFizzBuzz(RUN_ROUNDS_LIMIT / 10), seed: 1, schedules: 1 });
  const failed = r.cases.find((c) => c.failure)!;
  expect(failed.verdict).toBe('TLE');
  expect(failed.failure!.message).toMatch(/^one run went round the loops of your code 20,000,000 times in all \(the last one at FizzBuzz\.ts:14, in thread \w+\)/);
  expect(failed.failure!.reproduced).toBe(true);
});
