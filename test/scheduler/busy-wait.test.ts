import { compileScenario, type ScenarioResult } from '../support/scenario';
import { DfsStrategy } from '../../harness/strategies/dfs';
import { PctStrategy } from '../../harness/strategies/pct';
import { RandomStrategy } from '../../harness/strategies/random';
import { everySchedule, seeds } from '../sync/learner';

/** A correct busy-waiter: `spinner` spins (yielding) until `worker` has done its part. */
function busyWaiter(pause: string, helperBody = 'await yieldThread()'): string {
  return `
    import { Lock, sleep, yieldThread } from 'interleave/sync';
    export const log: string[] = [];
    const lock = new Lock();
    let done = false;
    async function pause() { ${helperBody}; }
    export async function spinner() {
      while (!done) ${pause};
      log.push('spinner saw it');
    }
    export async function worker() {
      for (let i = 0; i < 2; i++) { await lock.acquire(); await lock.release(); }
      done = true;
    }`;
}

const THREADS = ['spinner', 'worker'];
const BUDGET = 60;

function expectAccepted(results: ScenarioResult[]): void {
  expect(results.length).toBeGreaterThan(0);
  for (const r of results) expect({ verdict: r.verdict, log: r.exports.log }).toEqual({ verdict: 'OK', log: ['spinner saw it'] });
}

describe.each([
  ['yieldThread()', 'await yieldThread()'],
  ['sleep(1)', 'await sleep(1)'],
])('a busy-waiter that spins with %s', (_name, pause) => {
  test('is accepted under the random strategy', async () => {
    const run = await compileScenario(busyWaiter(pause));
    const results: ScenarioResult[] = [];
    for (const seed of seeds(60)) results.push(await run({ threads: THREADS, strategy: new RandomStrategy(seed), budget: BUDGET }));
    expectAccepted(results);
  });

  test('is accepted under pct', async () => {
    const run = await compileScenario(busyWaiter(pause));
    for (const depth of [2, 3]) {
      expectAccepted(await everySchedule(run, new PctStrategy(5, depth), { threads: THREADS, budget: BUDGET }, 60));
    }
  });

  test('is accepted under every schedule of dfs, which ends', async () => {
    const run = await compileScenario(busyWaiter(pause));
    const dfs = new DfsStrategy(5, 2);
    const results = await everySchedule(run, dfs, { threads: THREADS, budget: BUDGET }, 2_000);
    expect(results.length).toBeLessThan(2_000);
    expectAccepted(results);
  });
});

test('the same spinner without a yield in its loop can starve the worker: pct finds a TLE', async () => {
  const run = await compileScenario(busyWaiter('await null'));
  const verdicts = new Set<string>();
  for (const seed of seeds(10)) verdicts.add((await run({ threads: THREADS, strategy: new PctStrategy(seed, 1), budget: BUDGET })).verdict);
  expect(verdicts).toContain('TLE');
});

// The yield is made by the helper's task, a new task for every call: the strategy must still see
// the spinner's thread as the one that yielded (it is told the thread's runnable task).
test('a busy-waiter that yields inside a helper function is accepted under every schedule of dfs', async () => {
  const run = await compileScenario(busyWaiter('await pause()'));
  expectAccepted(await everySchedule(run, new DfsStrategy(5, 2), { threads: THREADS, budget: BUDGET }, 150));
});

test('busy waiting is reported, not rejected; a thread that sleeps once is not busy-waiting', async () => {
  const spin = await compileScenario(busyWaiter('await yieldThread()'));
  const reported = [];
  for (const seed of seeds(20)) reported.push((await spin({ threads: THREADS, seed, budget: BUDGET })).busyWaiting);
  expect(reported).toContain(true);

  const once = await compileScenario(`
    import { sleep } from 'interleave/sync';
    export async function a() { await sleep(5); }
    export async function b() { await sleep(3); }`);
  for (const seed of seeds(5)) expect((await once({ threads: ['a', 'b'], seed })).busyWaiting).toBe(false);
});
