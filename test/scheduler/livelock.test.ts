import type { Strategy } from '../../harness/strategies/strategy';
import { runScenario } from '../support/scenario';

test('two threads that politely wait for each other forever run out of steps: TLE', async () => {
  const r = await runScenario(
    `import { yieldThread } from 'interleave/sync';
     let aReady = false;
     let bReady = false;
     export async function a() { while (!bReady) await yieldThread(); aReady = true; }
     export async function b() { while (!aReady) await yieldThread(); bReady = true; }`,
    { threads: ['a', 'b'], budget: 2_000 },
  );
  expect(r.verdict).toBe('TLE');
  expect(r.message).toBe(
    'the run took more than 2,000 scheduling steps without finishing: a, b kept running (a at yieldThread(), in the loop at scenario.ts:4; b at yieldThread(), in the loop at scenario.ts:5); they only wait for one another, and nothing else pending (no other thread, timer or timeout) can change what they wait for: a livelock',
  );
  expect(r.steps).toBe(2_001);
});

test('a thread that sleeps in an endless loop runs out of steps too, however little time passes', async () => {
  const r = await runScenario(
    `import { sleep } from 'interleave/sync';
     export async function a() { for (;;) await sleep(1); }`,
    { threads: ['a'], budget: 500 },
  );
  expect(r.verdict).toBe('TLE');
});

test('a run that needs fewer steps than the budget is not cut short', async () => {
  const r = await runScenario(
    `import { yieldThread } from 'interleave/sync';
     export const log: number[] = [];
     export async function a() { for (let i = 0; i < 100; i++) await yieldThread(); log.push(1); }`,
    { threads: ['a'], budget: 500 },
  );
  expect(r.verdict).toBe('OK');
  expect(r.steps).toBeLessThan(500);
});

test('a thread that spins taking and releasing a free lock, while the others wait for a turn, is told as a busy wait that must yield', async () => {
  // The schedule that keeps the current thread while it can run: what a busy wait must survive.
  const sticky: Strategy = {
    name: 'sticky',
    nextSchedule: () => true,
    pick: (runnable, current) => Math.max(0, runnable.indexOf(current)),
    choose: () => 0,
  };
  const r = await runScenario(
    `import { Lock } from 'interleave/sync';
     const lock = new Lock();
     export let turn = 0;
     export async function a() { while (turn !== 1) { await lock.acquire(); await lock.release(); } }
     export async function b() { turn = 1; }`,
    { threads: ['a', 'b'], budget: 1_000, strategy: sticky },
  );
  expect(r.verdict).toBe('TLE');
  expect(r.message).toMatch(/: a kept running \(a at Lock\.(acquire|release)\(\), (in the loop at )?scenario\.ts:4\) while b waited for a turn that never came; every round of the loop is an operation that does not block/);
  expect(r.message).toContain('a busy wait must yield');
});
