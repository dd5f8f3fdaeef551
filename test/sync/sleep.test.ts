import { compileScenario, runScenario } from '../support/scenario';
import { logOf, seeds } from './learner';

test('sleep(ms) advances Date.now() by exactly ms', async () => {
  const r = await runScenario(
    `import { sleep } from 'interleave/sync';
     export const log: number[] = [];
     export async function a() {
       const t0 = Date.now();
       await sleep(250);
       log.push(Date.now() - t0);
       await sleep(1);
       log.push(Date.now() - t0);
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([250, 251]);
});

test('a 10-minute sleep costs no real time', async () => {
  const started = performance.now();
  const r = await runScenario(
    `import { sleep } from 'interleave/sync';
     export const log: number[] = [];
     export async function a() {
       const t0 = Date.now();
       await sleep(10 * 60 * 1000);
       log.push(Date.now() - t0);
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([600_000]);
  expect(performance.now() - started).toBeLessThan(2_000);
});

test('sleeping threads wake in the order of their wake-up times, whatever the schedule', async () => {
  const run = await compileScenario(
    `import { sleep } from 'interleave/sync';
     export const log: string[] = [];
     const t0 = Date.now();
     async function nap(name: string, ms: number) { await sleep(ms); log.push(name + '@' + (Date.now() - t0)); }
     export async function slow() { await nap('slow', 30); }
     export async function fast() { await nap('fast', 10); }
     export async function middle() { await nap('middle', 20); }`,
  );
  for (const seed of seeds(30)) {
    const r = await run({ threads: ['slow', 'fast', 'middle'], seed });
    // Each wakes no earlier than its time; a thread slow to start its sleep wakes later.
    const woke = logOf(r).map((s) => s.split('@'));
    const at = Object.fromEntries(woke.map(([n, t]) => [n, Number(t)]));
    expect(at.fast).toBeGreaterThanOrEqual(10);
    expect(at.middle).toBeGreaterThanOrEqual(20);
    expect(at.slow).toBeGreaterThanOrEqual(30);
    expect(woke.map(([, t]) => Number(t))).toEqual([...woke.map(([, t]) => Number(t))].sort((a, b) => a - b));
  }
});

test('other threads run while one sleeps, and time may pass while they run', async () => {
  const r = await runScenario(
    `import { sleep } from 'interleave/sync';
     export const log: string[] = [];
     const t0 = Date.now();
     export async function sleeper() { await sleep(100); log.push('sleeper@' + (Date.now() - t0)); }
     export async function worker() { for (let i = 0; i < 3; i++) await null; log.push('worker@' + (Date.now() - t0)); }`,
    { threads: ['sleeper', 'worker'] },
  );
  expect(r.verdict).toBe('OK');
  expect(['worker@0,sleeper@100', 'worker@100,sleeper@100', 'sleeper@100,worker@100']).toContain(logOf(r).join(','));
});

test('sleep(0) is a switch point that costs no time', async () => {
  const r = await runScenario(
    `import { sleep } from 'interleave/sync';
     export const log: number[] = [];
     export async function a() { const t0 = Date.now(); await sleep(0); log.push(Date.now() - t0); }`,
    { threads: ['a'] },
  );
  expect(r.exports.log).toEqual([0]);
});

test('a negative sleep is a run-time ValueError', async () => {
  const r = await runScenario(
    `import { sleep } from 'interleave/sync';
     export async function a() { await sleep(-5); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('ValueError: sleep(-5)');
});

test('virtual time starts at the same instant in every run', async () => {
  const source = `
    export const log: string[] = [];
    export async function a() { log.push(new Date().toISOString(), String(Date.now())); }`;
  const first = await runScenario(source, { threads: ['a'], seed: 1 });
  const other = await runScenario(source, { threads: ['a'], seed: 2 });
  expect(first.exports.log).toEqual(['2024-01-01T00:00:00.000Z', String(Date.UTC(2024, 0, 1))]);
  expect(other.exports.log).toEqual(first.exports.log);
});
