/**
 * Greedy: one schedule per thread, in which that thread runs on through its own yields and sleeps
 * while every other thread is slow. A spin with a bound ("ten yields and it will surely be set")
 * was accepted on every schedule the fair strategies made; here it is caught, and a busy-waiter
 * that spins until it is released still ends.
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { GreedyStrategy } from '../../harness/strategies/greedy';
import { TIME_PASSES } from '../../harness/strategies/strategy';
import { ROOT } from '../support/cli';

test('the greedy thread goes whenever it can, time passes while it sleeps, then one schedule for each other thread', () => {
  const s = new GreedyStrategy(1);
  const picks: number[] = [];
  const pick = (runnable: number[], current: number, yielding = false): void => {
    picks.push(runnable[s.pick(runnable, current, yielding)]);
  };
  expect(s.nextSchedule()).toBe(true);
  pick([0, 2], 0); // the first thread other than main to become runnable (2) is this schedule's
  pick([0, 1, 2], 2, true); // it goes on through its own yield
  pick([0, 1, TIME_PASSES], -1, true); // it sleeps (yielded, cannot go on): time passes, though main and 1 could go
  pick([0, 1, TIME_PASSES], -1, true); // it still sleeps: time passes again
  pick([0, 1, 2, TIME_PASSES], 0); // its sleep is over: it goes
  pick([0, 1, TIME_PASSES], -1, false); // it waits for a lock or a timed wait: the others go, fairly
  pick([0, 1, TIME_PASSES], 0, true); // main yields: the next in turn
  expect(picks).toEqual([2, 2, TIME_PASSES, TIME_PASSES, 2, 0, 1]);

  expect(s.nextSchedule()).toBe(true); // then thread 1's schedule
  picks.length = 0;
  pick([0, 1, 2], 0);
  pick([1, 2], 1, true);
  expect(picks).toEqual([1, 1]);
  expect(s.nextSchedule()).toBe(false); // every thread has had its schedule
});

test('after its budget of picks the greedy thread turns fair, so a correct spin ends', () => {
  const s = new GreedyStrategy(1, 3);
  expect(s.nextSchedule()).toBe(true);
  const picks: number[] = [];
  let current = 1;
  for (let i = 0; i < 5; i++) {
    current = [1, 2][s.pick([1, 2], current, true)]; // both threads spin, yielding
    picks.push(current);
  }
  expect(picks).toEqual([1, 1, 1, 2, 1]); // three picks, then round robin
});

const BAD = 'problems/print-in-order/solutions/wrong_answer';
const GOOD = 'problems/print-in-order/solutions/accepted';

describe.each([
  ['ten yields and print anyway', `${BAD}/bounded_spin_yield.ts`, 'WA'],
  ['poll every 10 ms for 100 ms and print anyway', `${BAD}/bounded_spin_sleep.js`, 'WA'],
  ['spin with a yield until released', `${GOOD}/busy_wait_yield.ts`, 'AC'],
  ['spin with a yield beside a sleeper', `${GOOD}/spin_yield_beside_sleeper.ts`, 'AC'],
])('print in order: %s', (_what, file, verdict) => {
  test.each([1, 2, 3, 4, 5, 6])(`seed %i: ${verdict}`, async (seed) => {
    const r = await judgeFile('print-in-order', path.join(ROOT, file), { seed });
    expect(r.verdict).toBe(verdict);
    if (verdict === 'WA') expect(r.cases.find((c) => c.verdict === 'WA')?.failure?.strategy).toMatch(/greedy/);
  });
});

describe.each([
  ['main polls with sleep(), workers poll a Queue with a timeout', 'daemon_workers_timed_get.ts'],
  ['main waits on a setInterval promise, workers spin with a doubling sleep', 'daemon_backoff_interval_main.ts'],
])('web crawler: a correct crawler that polls (%s)', (_what, file) => {
  // Greedy let main's sleeps end while the workers waited (1755 ms of 1800), and a random schedule
  // chose time passing over a crawler ready to return (915 ms of 900): "fetches must overlap"
  // failed correct solutions. It measures the time every thread was waiting (idleTime) now.
  test.each([1, 2, 3, 4])('seed %i: every case AC', async (seed) => {
    const r = await judgeFile('web-crawler', path.join(ROOT, 'problems/web-crawler/solutions/accepted', file), { seed });
    expect(r.cases.map((c) => [c.name, c.verdict])).toEqual(r.cases.map((c) => [c.name, 'AC']));
  });
});
