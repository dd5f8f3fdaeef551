import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { compileScenario, exploreLogs, runScenario } from '../support/scenario';
import { orderedFoo } from '../support/ordered-foo';
import { logOf, seeds } from './learner';

test('a started Thread runs its target with its args, is alive until it ends, and join() waits for it', async () => {
  const run = await compileScenario(
    `import { Thread, sleep } from 'interleave/sync';
     export const log: unknown[] = [];
     export async function main() {
       const t = new Thread({ target: async (x: number, y: number) => { await sleep(10); log.push('sum ' + (x + y)); }, args: [2, 3], name: 'adder' });
       log.push('alive before start: ' + t.isAlive());
       await t.start();
       log.push('alive after start: ' + t.isAlive());
       await t.join();
       log.push('alive after join: ' + t.isAlive(), t.name);
     }`,
  );
  for (const seed of seeds(20)) {
    const r = await run({ threads: ['main'], seed });
    expect(r.verdict).toBe('OK');
    expect(logOf(r)).toEqual(['alive before start: false', 'alive after start: true', 'sum 5', 'alive after join: false', 'adder']);
  }
});

test('threads a learner starts run concurrently with each other', async () => {
  const run = await compileScenario(
    `import { Thread, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     async function worker(name: string) { for (let i = 0; i < 3; i++) { log.push(name); await yieldThread(); } }
     export async function main() {
       const ts = ['x', 'y'].map((n) => new Thread({ target: worker, args: [n] }));
       for (const t of ts) await t.start();
       for (const t of ts) await t.join();
     }`,
  );
  const logs = new Set<string>();
  for (const seed of seeds(30)) logs.add(logOf(await run({ threads: ['main'], seed })).join(''));
  expect([...logs].some((l) => /x.*y.*x|y.*x.*y/.test(l))).toBe(true);
});

test('join(timeout) returns after the timeout while the thread still runs (or at its end, if the joiner was slow)', async () => {
  const seen = await exploreLogs(
    `import { Thread, sleep } from 'interleave/sync';
     export const log: unknown[] = [];
     export async function main() {
       const t = new Thread({ target: async () => { await sleep(100); } });
       await t.start();
       const t0 = Date.now();
       await t.join(30);
       log.push(Date.now() - t0, t.isAlive());
     }`,
    ['main'],
    60,
  );
  expect(seen).toContain('OK:30,true');
  // While the thread still runs, the joiner never returns before its timeout.
  for (const s of seen) {
    const [, ms, alive] = /^OK:(\d+),(true|false)$/.exec(s)!;
    if (alive === 'true') expect(Number(ms)).toBeGreaterThanOrEqual(30);
  }
});

test('an exception in a learner thread is a run-time error, even when nobody joins it', async () => {
  const r = await runScenario(
    `import { Thread, sleep } from 'interleave/sync';
     export async function main() {
       await new Thread({ target: async () => { await sleep(1); throw new Error('boom'); }, name: 'crasher' }).start();
     }`,
    { threads: ['main'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('Error: boom');
  expect(r.message).toContain('crasher');
});

test('an exception in a learner thread is a run-time error when the thread is joined', async () => {
  const r = await runScenario(
    `import { Thread } from 'interleave/sync';
     export const log: string[] = [];
     export async function main() {
       const t = new Thread({ target: () => { throw new Error('sync boom'); }, name: 'crasher' });
       await t.start();
       await t.join();
       log.push('joined');
     }`,
    { threads: ['main'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('Error: sync boom');
});

test('starting a Thread twice is a run-time error', async () => {
  const r = await runScenario(
    `import { Thread } from 'interleave/sync';
     export async function main() {
       const t = new Thread({ target: () => undefined });
       await t.start();
       await t.start();
     }`,
    { threads: ['main'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('can only be started once');
});

test('joining a Thread that was never started is a run-time error', async () => {
  const r = await runScenario(
    `import { Thread } from 'interleave/sync';
     export async function main() { await new Thread({ target: () => undefined, name: 't' }).join(); }`,
    { threads: ['main'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('cannot join thread t before it is started');
});

describe('a run may start at most 1,024 threads of its own', () => {
  const foo = (count: number): string => orderedFoo(`for (let i = 0; i < ${count}; i++) new Thread({ target: () => {} }).start();`, { imports: ['Thread'] });
  const judgeIt = (count: number) =>
    judgeFile('print-in-order', path.join(__dirname, 'not-on-disk', 'Foo.ts'), { source: foo(count), seed: 1, schedules: 2 });

  test('1,000 threads that each do nothing are fine', async () => {
    expect((await judgeIt(1000)).verdict).toBe('AC');
  });

  test("the 1,025th is refused at its line, as CPython's can't start new thread (200,000 took the job's whole CPU time, a TLE with no line)", async () => {
    const r = await judgeIt(200_000);
    expect(r.verdict).toBe('RTE');
    expect(r.cases[0].failure?.message).toMatch(/Thread\.start\(\): can't start new thread: a run may start at most 1,024 threads; .* \(at Foo\.ts:5\)$/);
  });
});

test('a daemon Thread that ticks for ever does not keep the run alive, as in Python (it was TLE); one not a daemon still does', async () => {
  const ticker = (daemon: boolean): string =>
    orderedFoo(`void new Thread({ daemon: ${daemon}, target: async () => { for (;;) await sleep(10); } }).start();`, { imports: ['Thread', 'sleep'] });
  const judge = (daemon: boolean, seed: number) => judgeFile('print-in-order', path.join(__dirname, 'not-on-disk', 'Foo.ts'), { source: ticker(daemon), seed, schedules: 20 });
  for (const seed of seeds(2)) {
    expect((await judge(true, seed)).verdict).toBe('AC');
    expect((await judge(false, seed)).verdict).toBe('TLE');
  }
});

test("Python's spellings work as the camelCase ones: wait_for, put_nowait, get_nowait, task_done, is_alive, n_waiting, current_thread, active_count", async () => {
  const r = await runScenario(
    `import { Barrier, Condition, Queue, Thread, current_thread, active_count } from 'interleave/sync';
     export const log: unknown[] = [];
     export async function a() {
       const cond = new Condition();
       await cond.acquire();
       log.push(await cond.wait_for(() => true));
       await cond.release();
       const q = new Queue<number>();
       await q.put_nowait(1);
       log.push(await q.get_nowait());
       await q.task_done();
       const t = new Thread({ target: () => {} });
       log.push(t.is_alive(), new Barrier(2).n_waiting, current_thread().name, active_count());
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([true, 1, false, 0, 'a', 1]);
});
