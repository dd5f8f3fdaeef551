import { compileScenario } from '../support/scenario';
import { RandomStrategy } from '../../harness/strategies/random';
import { ReplayStrategy } from '../../harness/strategies/replay';
import { logOf } from '../sync/learner';

const PROGRAM = `
  import { Condition, Semaphore, yieldThread } from 'interleave/sync';
  export const log: string[] = [];
  const cond = new Condition();
  const sem = new Semaphore(1);
  let turn = 0;
  async function work(name: string, me: number) {
    for (let i = 0; i < 3; i++) {
      await sem.acquire();
      log.push(name + i);
      await sem.release();
      await cond.acquire();
      turn++;
      await cond.notifyAll();
      while (turn % 3 === me && turn < 6) await cond.wait(1);
      await cond.release();
      await yieldThread();
    }
  }
  export async function a() { await work('a', 0); }
  export async function b() { await work('b', 1); }
  export async function c() { await work('c', 2); }`;

test('replaying the decisions of a run gives the very same run', async () => {
  const run = await compileScenario(PROGRAM);
  for (const seed of [1, 2, 3, 4]) {
    const original = await run({ threads: ['a', 'b', 'c'], strategy: new RandomStrategy(seed), seed });
    const replayer = new ReplayStrategy(original.decisions);
    const replayed = await run({ threads: ['a', 'b', 'c'], strategy: replayer, seed });
    expect(logOf(replayed)).toEqual(logOf(original));
    expect(replayed.decisions).toEqual(original.decisions);
    expect(replayed.steps).toBe(original.steps);
    expect(replayed.verdict).toBe(original.verdict);
    expect(replayer.diverged).toBe(false);
    expect(replayer.complete).toBe(true);
  }
});

test('a replay that runs out of recorded decisions says it diverged', async () => {
  const run = await compileScenario(PROGRAM);
  const original = await run({ threads: ['a', 'b', 'c'], strategy: new RandomStrategy(5) });
  const replayer = new ReplayStrategy(original.decisions.slice(0, original.decisions.length - 3));
  await run({ threads: ['a', 'b', 'c'], strategy: replayer });
  expect(replayer.diverged).toBe(true);
});

test('a recorded decision that the run cannot take says it diverged', () => {
  const replayer = new ReplayStrategy([0, 5]);
  replayer.nextSchedule();
  expect(replayer.pick([1, 2, 3])).toBe(0);
  expect(replayer.diverged).toBe(false);
  expect(replayer.pick([1, 2, 3])).toBe(2);
  expect(replayer.diverged).toBe(true);
});

test('a replay that leaves decisions unused is not complete', () => {
  const replayer = new ReplayStrategy([1, 0, 1]);
  replayer.nextSchedule();
  expect(replayer.choose(2)).toBe(1);
  expect(replayer.complete).toBe(false);
});

test('a replay has exactly one schedule', () => {
  const replayer = new ReplayStrategy([]);
  expect(replayer.nextSchedule()).toBe(true);
  expect(replayer.nextSchedule()).toBe(false);
});
