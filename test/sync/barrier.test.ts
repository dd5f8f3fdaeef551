import { compileScenario, runScenario } from '../support/scenario';
import { logOf, seeds } from './learner';

const THREE_PARTIES = `
  import { Barrier } from 'interleave/sync';
  export const log: string[] = [];
  export const indices: number[] = [];
  const barrier = new Barrier(3);
  async function party(name: string) {
    for (let round = 0; round < 2; round++) {
      log.push('arrive ' + round);
      indices.push(await barrier.wait());
      log.push('pass ' + round);
    }
  }
  export async function a() { await party('a'); }
  export async function b() { await party('b'); }
  export async function c() { await party('c'); }`;

test('wait() gives each party of a round a different index in [0, parties)', async () => {
  const run = await compileScenario(THREE_PARTIES);
  for (const seed of seeds(40)) {
    const r = await run({ threads: ['a', 'b', 'c'], seed });
    expect(r.verdict).toBe('OK');
    const indices = r.exports.indices as number[];
    expect([...indices.slice(0, 3)].sort()).toEqual([0, 1, 2]);
    expect([...indices.slice(3)].sort()).toEqual([0, 1, 2]);
  }
});

test('no party passes the barrier before every party of its round arrived', async () => {
  const run = await compileScenario(THREE_PARTIES);
  for (const seed of seeds(40)) {
    const r = await run({ threads: ['a', 'b', 'c'], seed });
    const log = logOf(r);
    for (const round of [0, 1]) {
      const lastArrival = log.lastIndexOf(`arrive ${round}`);
      const firstPass = log.indexOf(`pass ${round}`);
      expect(log.filter((e) => e === `arrive ${round}`)).toHaveLength(3);
      expect(firstPass).toBeGreaterThan(lastArrival);
    }
  }
});

test('a party short is a deadlock with the others blocked in Barrier.wait()', async () => {
  const r = await runScenario(THREE_PARTIES, { threads: ['a', 'b'] });
  expect(r.verdict).toBe('DL');
  expect(r.blocked!.map((b) => b.waitsIn)).toEqual(['Barrier.wait()', 'Barrier.wait()']);
});

test('abort() makes the threads waiting at the barrier throw BrokenBarrierError', async () => {
  const r = await runScenario(
    `import { Barrier, BrokenBarrierError, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     const barrier = new Barrier(3);
     export async function waiter() {
       try {
         await barrier.wait();
         log.push('passed');
       } catch (e) {
         log.push((e as Error).name, String(e instanceof BrokenBarrierError));
       }
     }
     export async function aborter() {
       while (barrier.nWaiting < 1) await yieldThread();
       barrier.abort();
       log.push('broken: ' + barrier.broken);
     }`,
    { threads: ['waiter', 'aborter'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['broken: true', 'BrokenBarrierError', 'true']);
});

test('reset() makes the threads waiting now throw BrokenBarrierError, and the barrier serves a new round', async () => {
  const r = await runScenario(
    `import { Barrier, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     const barrier = new Barrier(2);
     export async function waiter() {
       try {
         await barrier.wait();
         log.push('passed');
       } catch (e) {
         log.push((e as Error).name);
       }
       log.push('round 2: ' + (await barrier.wait()));
     }
     export async function resetter() {
       while (barrier.nWaiting < 1) await yieldThread();
       await barrier.reset();
       log.push('reset: broken ' + barrier.broken);
       while (barrier.nWaiting < 1) await yieldThread();
       await barrier.wait();
     }`,
    { threads: ['waiter', 'resetter'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toContain('BrokenBarrierError');
  expect(r.exports.log).toContain('reset: broken false');
  expect(r.exports.log).not.toContain('passed');
  expect((r.exports.log as string[]).some((l) => /^round 2: [01]$/.test(l))).toBe(true);
});

test('wait() on a broken barrier throws BrokenBarrierError, a run-time error when not caught', async () => {
  const r = await runScenario(
    `import { Barrier } from 'interleave/sync';
     const barrier = new Barrier(2);
     export async function a() { barrier.abort(); await barrier.wait(); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('BrokenBarrierError');
});

test('wait(timeout) that runs out breaks the barrier for everyone', async () => {
  const r = await runScenario(
    `import { Barrier } from 'interleave/sync';
     export const log: string[] = [];
     const barrier = new Barrier(3);
     const t0 = Date.now();
     async function party(name: string, timeout?: number) {
       try { await barrier.wait(timeout); log.push(name + ' passed'); }
       catch (e) { log.push(name + ' ' + (e as Error).name + ' at ' + (Date.now() - t0)); }
     }
     export async function a() { await party('a', 20); }
     export async function b() { await party('b'); }`,
    { threads: ['a', 'b'] },
  );
  expect(r.verdict).toBe('OK');
  expect([...logOf(r)].sort()).toEqual(['a BrokenBarrierError at 20', 'b BrokenBarrierError at 20']);
});
