import { compileScenario, runScenario } from '../support/scenario';
import { lineOf, seeds } from '../sync/learner';

test('a deadlock lists every blocked thread, what it waits in, and the learner line of the wait', async () => {
  const source = `
    import { Event, Lock, Queue } from 'interleave/sync';
    const never = new Event();
    const lock = new Lock();
    const q = new Queue<number>();
    void lock.acquire();
    export async function a() {
      await never.wait(); // a waits here
    }
    export async function b() {
      await lock.acquire(); // b waits here
    }
    export async function c() {
      await q.get(); // c waits here
    }
    export async function d() {
      await null;
    }`;
  const r = await runScenario(source, { threads: ['a', 'b', 'c', 'd'], tracing: true });
  expect(r.verdict).toBe('DL');
  expect(r.message).toBe('deadlock: a, b, c are blocked and no thread can proceed');
  expect(r.blocked).toEqual([
    { thread: 'a', waitsIn: 'Event.wait()', object: expect.any(Number), site: expect.objectContaining({ file: 'scenario.ts', line: lineOf(source, 'a waits here') }) },
    { thread: 'b', waitsIn: 'Lock.acquire()', object: expect.any(Number), site: expect.objectContaining({ line: lineOf(source, 'b waits here') }) },
    { thread: 'c', waitsIn: 'Queue.get()', object: expect.any(Number), site: expect.objectContaining({ line: lineOf(source, 'c waits here') }) },
  ]);
  // Three different objects: a trace tells them apart by number (and names them from the source).
  expect(new Set(r.blocked!.map((b) => b.object)).size).toBe(3);
});

test('one blocked thread is reported in the singular', async () => {
  const r = await runScenario(
    `import { Semaphore } from 'interleave/sync';
     const sem = new Semaphore(0);
     export async function only() { await sem.acquire(); }`,
    { threads: ['only'] },
  );
  expect(r.verdict).toBe('DL');
  expect(r.message).toBe('deadlock: only is blocked and no thread can proceed');
  expect(r.blocked).toEqual([{ thread: 'only', waitsIn: 'Semaphore.acquire()' }]);
});

test('lock-order inversion deadlocks under some schedules only, with both threads in Lock.acquire()', async () => {
  const run = await compileScenario(`
    import { Lock } from 'interleave/sync';
    const first = new Lock();
    const second = new Lock();
    export async function a() { await first.acquire(); await second.acquire(); await second.release(); await first.release(); }
    export async function b() { await second.acquire(); await first.acquire(); await first.release(); await second.release(); }`);
  const verdicts = new Set<string>();
  for (const seed of seeds(40)) {
    const r = await run({ threads: ['a', 'b'], seed });
    verdicts.add(r.verdict);
    if (r.verdict === 'DL') {
      const blocked = [...r.blocked!].sort((x, y) => x.thread.localeCompare(y.thread));
      expect(blocked).toEqual([
        { thread: 'a', waitsIn: 'Lock.acquire()' },
        { thread: 'b', waitsIn: 'Lock.acquire()' },
      ]);
    }
  }
  expect([...verdicts].sort()).toEqual(['DL', 'OK']);
});

test('a thread that sleeps will wake: waiting for it is not a deadlock', async () => {
  const r = await runScenario(
    `import { Event, sleep } from 'interleave/sync';
     export const log: string[] = [];
     const ev = new Event();
     export async function waiter() { await ev.wait(); log.push('woken'); }
     export async function sleeper() { await sleep(5_000); await ev.set(); }`,
    { threads: ['waiter', 'sleeper'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['woken']);
});

test('a wait with a timeout will end: it is not a deadlock', async () => {
  const r = await runScenario(
    `import { Lock } from 'interleave/sync';
     export const log: unknown[] = [];
     const lock = new Lock();
     void lock.acquire();
     export async function a() { log.push(await lock.acquire({ timeout: 1_000 })); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false]);
});

test('a pending setTimeout that will wake a thread is not a deadlock', async () => {
  const r = await runScenario(
    `import { Event } from 'interleave/sync';
     export const log: string[] = [];
     const ev = new Event();
     export async function a() {
       setTimeout(() => { void ev.set(); }, 100);
       await ev.wait();
       log.push('woken');
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['woken']);
});

test('the deadlock is reported once the last sleeper has woken and blocked too', async () => {
  const r = await runScenario(
    `import { Event, sleep } from 'interleave/sync';
     const never = new Event();
     export async function a() { await never.wait(); }
     export async function b() { await sleep(300); await never.wait(); }`,
    { threads: ['a', 'b'] },
  );
  expect(r.verdict).toBe('DL');
  expect(r.blocked!.map((b) => b.thread)).toEqual(['a', 'b']);
});
