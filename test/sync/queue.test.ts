import { compileScenario, runScenario } from '../support/scenario';
import { logOf, seeds } from './learner';

test('a Queue gives items back in the order they were put', async () => {
  const run = await compileScenario(
    `import { Queue } from 'interleave/sync';
     export const log: number[] = [];
     const q = new Queue<number>();
     export async function producer() { for (let i = 1; i <= 5; i++) await q.put(i); }
     export async function consumer() { for (let i = 1; i <= 5; i++) log.push(await q.get()); }`,
  );
  for (const seed of seeds(40)) {
    const r = await run({ threads: ['producer', 'consumer'], seed });
    expect(r.verdict).toBe('OK');
    expect(r.exports.log).toEqual([1, 2, 3, 4, 5]);
  }
});

test('put() on a full queue blocks until an item is taken', async () => {
  const source = (takes: number): string => `
    import { Queue } from 'interleave/sync';
    export const log: string[] = [];
    const q = new Queue<string>(2);
    export async function producer() {
      for (const item of ['a', 'b', 'c']) { await q.put(item); log.push('put ' + item); }
    }
    export async function consumer() {
      for (let i = 0; i < ${takes}; i++) await q.get();
    }`;
  const stuck = await runScenario(source(0), { threads: ['producer', 'consumer'] });
  expect(stuck.verdict).toBe('DL');
  expect(logOf(stuck)).toEqual(['put a', 'put b']);
  expect(stuck.blocked).toEqual([{ thread: 'producer', waitsIn: 'Queue.put()' }]);
  const freed = await runScenario(source(1), { threads: ['producer', 'consumer'] });
  expect(freed.verdict).toBe('OK');
  expect(logOf(freed)).toEqual(['put a', 'put b', 'put c']);
});

test('a bounded queue never holds more than maxsize items, whatever the schedule', async () => {
  const run = await compileScenario(
    `import { Queue } from 'interleave/sync';
     export const sizes: number[] = [];
     const q = new Queue<number>(2);
     export async function producer() {
       for (let i = 0; i < 6; i++) { await q.put(i); sizes.push(q.qsize()); }
     }
     export async function consumer() {
       for (let i = 0; i < 6; i++) { await q.get(); sizes.push(q.qsize()); }
     }`,
  );
  const most = new Set<number>();
  for (const seed of seeds(60)) {
    const r = await run({ threads: ['producer', 'consumer'], seed });
    expect(r.verdict).toBe('OK');
    most.add(Math.max(...(r.exports.sizes as number[])));
  }
  expect(Math.max(...most)).toBe(2);
});

test('get() blocks while the queue is empty', async () => {
  const run = await compileScenario(
    `import { Queue, sleep } from 'interleave/sync';
     export const log: string[] = [];
     const q = new Queue<string>();
     const t0 = Date.now();
     export async function consumer() { log.push('got ' + (await q.get()) + ' at ' + (Date.now() - t0)); }
     export async function producer() { await sleep(30); log.push('putting'); await q.put('x'); }`,
  );
  for (const seed of seeds(20)) {
    const r = await run({ threads: ['consumer', 'producer'], seed });
    expect(r.verdict).toBe('OK');
    expect(logOf(r)).toEqual(['putting', 'got x at 30']);
  }
});

test('a non-blocking get() on an empty queue throws QueueEmpty', async () => {
  const r = await runScenario(
    `import { Queue, QueueEmpty } from 'interleave/sync';
     export const log: string[] = [];
     const q = new Queue<number>();
     export async function a() {
       try { await q.get({ blocking: false }); } catch (e) { log.push((e as Error).name, String(e instanceof QueueEmpty)); }
       try { await q.getNowait(); } catch (e) { log.push((e as Error).name); }
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['QueueEmpty', 'true', 'QueueEmpty']);
});

test("get(false) and put(x, false) do not block, as Python's get(False) and put(x, False)", async () => {
  const r = await runScenario(
    `import { Queue } from 'interleave/sync';
     export const log: string[] = [];
     const q = new Queue<number>(1);
     export async function a() {
       try { await q.get(false); } catch (e) { log.push((e as Error).name); }
       await q.put(1, false);
       try { await q.put(2, false); } catch (e) { log.push((e as Error).name); }
       log.push(String(await q.get(false)));
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['QueueEmpty', 'QueueFull', '1']);
});

test('a non-blocking put() on a full queue throws QueueFull', async () => {
  const r = await runScenario(
    `import { Queue, QueueFull } from 'interleave/sync';
     export const log: unknown[] = [];
     const q = new Queue<number>(1);
     export async function a() {
       await q.put(1);
       log.push(q.full());
       try { await q.put(2, { blocking: false }); } catch (e) { log.push((e as Error).name, e instanceof QueueFull); }
       try { await q.putNowait(3); } catch (e) { log.push((e as Error).name); }
       log.push(q.qsize());
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([true, 'QueueFull', true, 'QueueFull', 1]);
});

test('get() and put() with a timeout throw QueueEmpty and QueueFull once it passed', async () => {
  const r = await runScenario(
    `import { Queue } from 'interleave/sync';
     export const log: string[] = [];
     const q = new Queue<number>(1);
     export async function a() {
       const t0 = Date.now();
       try { await q.get({ timeout: 15 }); } catch (e) { log.push((e as Error).name + ' after ' + (Date.now() - t0)); }
       await q.put(1);
       try { await q.put(2, { timeout: 20 }); } catch (e) { log.push((e as Error).name + ' after ' + (Date.now() - t0)); }
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['QueueEmpty after 15', 'QueueFull after 35']);
});

test('an uncaught QueueEmpty is a run-time error', async () => {
  const r = await runScenario(
    `import { Queue } from 'interleave/sync';
     const q = new Queue<number>();
     export async function a() { await q.getNowait(); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('QueueEmpty');
});

test('getNowait() and putNowait() reject, as their Promise type says: .catch sees QueueEmpty and QueueFull', async () => {
  const r = await runScenario(
    `import { Queue } from 'interleave/sync';
     export const log: string[] = [];
     const q = new Queue<number>(1);
     export function a() {
       return q.getNowait()
         .catch((e) => { log.push('get: ' + e.name); })
         .then(() => q.putNowait(1))
         .then(() => q.putNowait(2))
         .catch((e) => { log.push('put: ' + e.name); });
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['get: QueueEmpty', 'put: QueueFull']);
  // A rejection nobody handles still fails the run, at once or not awaited.
  const unhandled = await runScenario(
    `import { Queue } from 'interleave/sync';
     const q = new Queue<number>();
     export async function a() { q.getNowait(); }`,
    { threads: ['a'] },
  );
  expect(unhandled.verdict).toBe('RTE');
  expect(unhandled.message).toContain('QueueEmpty');
});

test('join() returns only after taskDone() was called for every item put', async () => {
  const run = await compileScenario(
    `import { Queue, sleep } from 'interleave/sync';
     export const log: string[] = [];
     const q = new Queue<number>();
     export async function producer() {
       for (let i = 0; i < 3; i++) await q.put(i);
       await q.join();
       log.push('joined');
     }
     export async function worker() {
       for (let i = 0; i < 3; i++) {
         const item = await q.get();
         await sleep(5);
         log.push('done ' + item);
         await q.taskDone();
       }
     }`,
  );
  for (const seed of seeds(30)) {
    const r = await run({ threads: ['producer', 'worker'], seed });
    expect(r.verdict).toBe('OK');
    expect(logOf(r)).toEqual(['done 0', 'done 1', 'done 2', 'joined']);
  }
});

test('taskDone() is a switch point: a thread in join() may go on before the worker does', async () => {
  const run = await compileScenario(
    `import { Queue } from 'interleave/sync';
     export const log: string[] = [];
     const q = new Queue<number>();
     export async function producer() {
       await q.put(1);
       await q.join();
       log.push('joined');
     }
     export async function worker() {
       await q.get();
       await q.taskDone();
       log.push('worker goes on');
     }`,
  );
  const orders = new Set<string>();
  for (const seed of seeds(30)) {
    const r = await run({ threads: ['producer', 'worker'], seed });
    expect(r.verdict).toBe('OK');
    orders.add(logOf(r).join(', '));
  }
  expect(orders).toEqual(new Set(['joined, worker goes on', 'worker goes on, joined']));
  // Not awaited, it is an operation whose switch point was lost, as release() or set() would be.
  const unawaited = await runScenario(
    `import { Queue } from 'interleave/sync';
     const q = new Queue<number>();
     export async function a() { await q.put(1); await q.get(); q.taskDone(); }`,
    { threads: ['a'], tracing: true },
  );
  expect(unawaited.verdict).toBe('OK');
  expect(unawaited.notes.join('\n')).toMatch(/Queue\.taskDone\(\)( at .*)? was not awaited/);
});

test('taskDone() called more times than items were put is a run-time ValueError', async () => {
  const r = await runScenario(
    `import { Queue } from 'interleave/sync';
     const q = new Queue<number>();
     export async function a() { await q.put(1); await q.get(); q.taskDone(); q.taskDone(); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('ValueError: Queue.taskDone(): called more times than there were items');
});
