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
    'the run took more than 2,000 scheduling steps without finishing: a, b kept running (a at yieldThread(), in the loop at scenario.ts:4; b at yieldThread(), in the loop at scenario.ts:5); nothing pending (no sleep, timer or timeout) can change what they wait for: a livelock',
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
