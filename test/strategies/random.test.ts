import { compileScenario } from '../support/scenario';
import { RandomStrategy } from '../../harness/strategies/random';
import { logOf, seeds } from '../sync/learner';

const RACE = `
  import { Condition, yieldThread } from 'interleave/sync';
  export const log: string[] = [];
  const cond = new Condition();
  async function work(name: string) {
    for (let i = 0; i < 4; i++) {
      log.push(name + i);
      if (i === 2) { await cond.acquire(); await cond.notifyAll(); await cond.release(); }
      await yieldThread();
    }
  }
  export async function a() { await work('a'); }
  export async function b() { await work('b'); }
  export async function c() { await work('c'); }`;

test('the random strategy makes the same decisions and the same run for the same seed', async () => {
  const run = await compileScenario(RACE);
  for (const seed of seeds(10)) {
    const first = await run({ threads: ['a', 'b', 'c'], strategy: new RandomStrategy(seed) });
    const again = await run({ threads: ['a', 'b', 'c'], strategy: new RandomStrategy(seed) });
    expect(again.decisions).toEqual(first.decisions);
    expect(logOf(again)).toEqual(logOf(first));
    expect(again.steps).toBe(first.steps);
  }
});

test('different seeds of the random strategy give different interleavings', async () => {
  const run = await compileScenario(RACE);
  const logs = new Set<string>();
  for (const seed of seeds(10)) logs.add(logOf(await run({ threads: ['a', 'b', 'c'], strategy: new RandomStrategy(seed) })).join());
  expect(logs.size).toBeGreaterThan(5);
});

test('pick() and choose() answer within their bounds and repeat for the same seed', () => {
  const answers = (seed: number): number[] => {
    const s = new RandomStrategy(seed);
    const out: number[] = [];
    for (let i = 0; i < 200; i++) out.push(s.pick([10, 11, 12], 10, false), s.choose(5, 'waiter'));
    return out;
  };
  const a = answers(42);
  expect(answers(42)).toEqual(a);
  expect(answers(43)).not.toEqual(a);
  expect(new Set(a.filter((_, i) => i % 2 === 0))).toEqual(new Set([0, 1, 2]));
  expect(new Set(a.filter((_, i) => i % 2 === 1))).toEqual(new Set([0, 1, 2, 3, 4]));
});

test('after a yield, the random strategy picks another runnable task', () => {
  const s = new RandomStrategy(3);
  for (let i = 0; i < 200; i++) expect(s.pick([10, 11, 12], 11, true)).not.toBe(1);
});
