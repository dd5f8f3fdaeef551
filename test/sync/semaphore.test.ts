import { compileScenario, runScenario } from '../support/scenario';
import { errorSite, lineOf, logOf, seeds } from './learner';

test('a Semaphore(2) lets at most two threads in at once, and two do get in together', async () => {
  const run = await compileScenario(
    `import { Semaphore, yieldThread } from 'interleave/sync';
     export const state = { inside: 0, most: 0 };
     const sem = new Semaphore(2);
     async function work() {
       await sem.acquire();
       state.inside++;
       state.most = Math.max(state.most, state.inside);
       await yieldThread();
       state.inside--;
       await sem.release();
     }
     export async function a() { await work(); }
     export async function b() { await work(); }
     export async function c() { await work(); }
     export async function d() { await work(); }`,
  );
  const most = new Set<number>();
  for (const seed of seeds(60)) {
    const r = await run({ threads: ['a', 'b', 'c', 'd'], seed });
    expect(r.verdict).toBe('OK');
    most.add((r.exports.state as { most: number }).most);
  }
  expect(Math.max(...most)).toBe(2);
});

test('acquire() on a Semaphore(0) waits until another thread releases a permit', async () => {
  const run = await compileScenario(
    `import { Semaphore } from 'interleave/sync';
     export const log: string[] = [];
     const sem = new Semaphore(0);
     export async function waiter() { await sem.acquire(); log.push('acquired'); }
     export async function giver() { log.push('releasing'); await sem.release(); }`,
  );
  for (const seed of seeds(30)) {
    const r = await run({ threads: ['waiter', 'giver'], seed });
    expect(r.verdict).toBe('OK');
    expect(logOf(r)).toEqual(['releasing', 'acquired']);
  }
});

test('release(n) gives n permits at once', async () => {
  const source = (n: number): string => `
    import { Semaphore } from 'interleave/sync';
    export const log: string[] = [];
    const sem = new Semaphore(0);
    async function take(name: string) { await sem.acquire(); log.push(name); }
    export async function a() { await take('a'); }
    export async function b() { await take('b'); }
    export async function c() { await take('c'); }
    export async function giver() { await sem.release(${n}); }`;
  const three = await runScenario(source(3), { threads: ['a', 'b', 'c', 'giver'] });
  expect(three.verdict).toBe('OK');
  expect([...logOf(three)].sort()).toEqual(['a', 'b', 'c']);
  const two = await runScenario(source(2), { threads: ['a', 'b', 'c', 'giver'] });
  expect(two.verdict).toBe('DL');
  expect(logOf(two)).toHaveLength(2);
});

test('an unbounded Semaphore may be released above its start value', async () => {
  const r = await runScenario(
    `import { Semaphore } from 'interleave/sync';
     export const log: number[] = [];
     const sem = new Semaphore(1);
     export async function a() { await sem.release(); await sem.release(2); log.push(sem.available); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([4]);
});

test('a non-blocking acquire with no permit returns false, and a timed one returns false after the timeout', async () => {
  const r = await runScenario(
    `import { Semaphore } from 'interleave/sync';
     export const log: unknown[] = [];
     const sem = new Semaphore(0);
     export async function a() {
       const t0 = Date.now();
       log.push(await sem.acquire({ blocking: false }), Date.now() - t0);
       log.push(await sem.acquire({ timeout: 25 }), Date.now() - t0);
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, 0, false, 25]);
});

test('releasing a BoundedSemaphore above its start value is a run-time ValueError naming the learner line', async () => {
  const source = `
    import { BoundedSemaphore } from 'interleave/sync';
    const sem = new BoundedSemaphore(2);
    export async function a() {
      await sem.acquire();
      await sem.release();
      await sem.release(); // one too many
    }`;
  const r = await runScenario(source, { threads: ['a'] });
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('ValueError: BoundedSemaphore.release(): semaphore released too many times');
  expect(await errorSite(source, r)).toMatchObject({ line: lineOf(source, 'one too many') });
});

test('a BoundedSemaphore released back to its start value is fine', async () => {
  const r = await runScenario(
    `import { BoundedSemaphore } from 'interleave/sync';
     export const log: number[] = [];
     const sem = new BoundedSemaphore(2);
     export async function a() {
       await sem.acquire();
       await sem.acquire();
       await sem.release(2);
       log.push(sem.available);
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([2]);
});

test('release(n) that would overfill a BoundedSemaphore is refused', async () => {
  const r = await runScenario(
    `import { BoundedSemaphore } from 'interleave/sync';
     const sem = new BoundedSemaphore(2);
     export async function a() { await sem.acquire(); await sem.release(2); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('ValueError');
});
