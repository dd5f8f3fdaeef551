import { compileScenario, runScenario } from '../support/scenario';
import { errorSite, lineOf, seeds } from './learner';

test('the owner of an RLock may acquire it again without blocking', async () => {
  const r = await runScenario(
    `import { RLock } from 'interleave/sync';
     export const log: unknown[] = [];
     const lock = new RLock();
     export async function a() {
       log.push(await lock.acquire());
       log.push(await lock.acquire({ blocking: false }));
       log.push(await lock.acquire());
       await lock.release();
       await lock.release();
       await lock.release();
       log.push(lock.locked());
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([true, true, true, false]);
});

test('an RLock stays held until its owner released it as many times as it acquired it', async () => {
  const run = await compileScenario(
    `import { RLock, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     const lock = new RLock();
     export async function owner() {
       await lock.acquire();
       await lock.acquire();
       log.push('owner in');
       log.push('owner releases inner');
       await lock.release();
       await yieldThread();
       log.push('owner releases outer');
       await lock.release();
     }
     export async function other() {
       while (!log.includes('owner in')) await yieldThread();
       await lock.acquire();
       log.push('other in');
       await lock.release();
     }`,
  );
  for (const seed of seeds(50)) {
    const r = await run({ threads: ['owner', 'other'], seed });
    const log = r.exports.log as string[];
    expect(r.verdict).toBe('OK');
    expect(log).toEqual(['owner in', 'owner releases inner', 'owner releases outer', 'other in']);
  }
});

test('releasing an RLock another thread owns is a run-time error naming the owner and the learner line', async () => {
  const source = `
    import { RLock, yieldThread } from 'interleave/sync';
    const lock = new RLock();
    export async function owner() { await lock.acquire(); }
    export async function thief() {
      while (!lock.locked()) await yieldThread();
      await lock.release(); // not mine
    }`;
  const r = await runScenario(source, { threads: ['owner', 'thief'] });
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('RuntimeError: RLock.release(): cannot release a lock owned by thread owner');
  expect(r.message).toContain('in thread thief');
  expect(await errorSite(source, r)).toMatchObject({ line: lineOf(source, 'not mine') });
});

test('releasing an RLock nobody holds is a run-time error', async () => {
  const r = await runScenario(
    `import { RLock } from 'interleave/sync';
     const lock = new RLock();
     export async function a() { await lock.release(); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('RLock.release(): cannot release un-acquired lock');
});

test('a thread that does not own the RLock blocks on acquire and a non-blocking acquire returns false', async () => {
  const r = await runScenario(
    `import { RLock, yieldThread } from 'interleave/sync';
     export const log: unknown[] = [];
     const lock = new RLock();
     export async function owner() { await lock.acquire(); }
     export async function other() {
       while (!lock.locked()) await yieldThread();
       log.push(await lock.acquire({ blocking: false }));
       log.push(await lock.acquire({ timeout: 5 }));
     }`,
    { threads: ['owner', 'other'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, false]);
});
