import { compileScenario, exploreLogs, runScenario } from '../support/scenario';
import { errorSite, lineOf, logOf, seeds } from './learner';

/** Three threads each add 1 three times with a read, a switch point, then a write. */
function counterScenario(withLock: boolean): string {
  const take = withLock ? 'await lock.acquire();' : '';
  const give = withLock ? 'await lock.release();' : '';
  return `
    import { Lock, yieldThread } from 'interleave/sync';
    export const state = { counter: 0, inside: 0, maxInside: 0 };
    const lock = new Lock();
    async function work() {
      for (let i = 0; i < 3; i++) {
        ${take}
        state.inside++;
        state.maxInside = Math.max(state.maxInside, state.inside);
        const seen = state.counter;
        await yieldThread();
        state.counter = seen + 1;
        state.inside--;
        ${give}
      }
    }
    export async function a() { await work(); }
    export async function b() { await work(); }
    export async function c() { await work(); }`;
}

type CounterState = { counter: number; inside: number; maxInside: number };

test('a Lock lets one thread at a time into its critical section, under every seed', async () => {
  const run = await compileScenario(counterScenario(true));
  for (const seed of seeds(100)) {
    const r = await run({ threads: ['a', 'b', 'c'], seed });
    const state = r.exports.state as CounterState;
    expect({ seed, verdict: r.verdict, counter: state.counter, maxInside: state.maxInside }).toEqual({
      seed,
      verdict: 'OK',
      counter: 9,
      maxInside: 1,
    });
  }
});

test('without the Lock the same code loses updates under some seed (the scenario can see a race)', async () => {
  const run = await compileScenario(counterScenario(false));
  const counters = new Set<number>();
  for (const seed of seeds(100)) {
    const r = await run({ threads: ['a', 'b', 'c'], seed });
    counters.add((r.exports.state as CounterState).counter);
  }
  expect(Math.min(...counters)).toBeLessThan(9);
});

test('releasing an unlocked Lock is a run-time error that says so and names the learner line', async () => {
  const source = `
    import { Lock } from 'interleave/sync';
    const lock = new Lock();
    export async function a() {
      await lock.release(); // the bad release
    }`;
  const r = await runScenario(source, { threads: ['a'] });
  expect(r.verdict).toBe('RTE');
  expect(r.message).toContain('RuntimeError: Lock.release(): release unlocked lock');
  expect(r.message).toContain('in thread a');
  expect(await errorSite(source, r)).toMatchObject({ file: 'scenario.ts', line: lineOf(source, 'the bad release') });
});

test('a non-blocking acquire of a held Lock returns false at once', async () => {
  const r = await runScenario(
    `import { Lock } from 'interleave/sync';
     export const log: unknown[] = [];
     const lock = new Lock();
     export async function a() {
       await lock.acquire();
       const t0 = Date.now();
       log.push(await lock.acquire({ blocking: false }), Date.now() - t0, lock.locked());
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, 0, true]);
});

test("acquire(false) is acquire({ blocking: false }), as Python's acquire(False); another non-object says what to write", async () => {
  const r = await runScenario(
    `import { Lock } from 'interleave/sync';
     export const log: unknown[] = [];
     const lock = new Lock();
     export async function a() {
       log.push(await lock.acquire(false), await lock.acquire(false), lock.locked());
       try { await lock.acquire(5 as never); } catch (e) { log.push((e as Error).message); }
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([true, false, true, 'options must be an object like { timeout: 50 } or { blocking: false }, got 5']);
});

test('an acquire with a timeout returns false once the timeout has passed on the virtual clock', async () => {
  const r = await runScenario(
    `import { Lock } from 'interleave/sync';
     export const log: unknown[] = [];
     const lock = new Lock();
     export async function a() {
       await lock.acquire();
       const t0 = Date.now();
       log.push(await lock.acquire({ timeout: 40 }), Date.now() - t0);
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, 40]);
});

test('an acquire with a timeout takes a Lock released in time, or may time out first: no thread is promised to be quick', async () => {
  const seen = await exploreLogs(
    `import { Lock, sleep } from 'interleave/sync';
     export const log: unknown[] = [];
     const lock = new Lock();
     void lock.acquire();
     export async function a() { await sleep(10); await lock.release(); }
     export async function b() {
       const t0 = Date.now();
       log.push(await lock.acquire({ timeout: 40 }), Date.now() - t0);
     }`,
    ['a', 'b'],
    60,
  );
  // Released at 10: taken then (or later, up to the deadline), or the deadline came first.
  expect(seen).toContain('OK:true,10');
  expect(seen).toContain('OK:false,40');
  // A timeout never expires before its deadline (a slow waiter may notice it later).
  for (const s of seen) {
    const [, got, ms] = /^OK:(true|false),(\d+)$/.exec(s)!;
    if (got === 'false') expect(Number(ms)).toBeGreaterThanOrEqual(40);
  }
});

test('any thread may release a Lock, not only the one that acquired it', async () => {
  const r = await runScenario(
    `import { Lock, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     const lock = new Lock();
     export async function a() { await lock.acquire(); log.push('a acquired'); }
     export async function b() {
       while (!log.includes('a acquired')) await yieldThread();
       await lock.release();
       log.push('b released');
       await lock.acquire();
       log.push('b acquired');
       await lock.release();
     }`,
    { threads: ['a', 'b'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['a acquired', 'b released', 'b acquired']);
});

test('a released Lock is not handed to its waiter: the releasing thread may take it again first', async () => {
  const logs = new Set<string>();
  const run = await compileScenario(
    `import { Lock, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     const lock = new Lock();
     let waiting = false;
     export async function holder() {
       await lock.acquire();
       while (!waiting) await yieldThread();
       await lock.release();
       await lock.acquire();
       log.push('holder again');
       await lock.release();
     }
     export async function waiter() {
       while (!lock.locked()) await yieldThread();
       waiting = true;
       await lock.acquire();
       log.push('waiter');
       await lock.release();
     }`,
  );
  for (const seed of seeds(60)) {
    const r = await run({ threads: ['holder', 'waiter'], seed });
    expect(r.verdict).toBe('OK');
    logs.add(logOf(r).join(' then '));
  }
  expect([...logs].sort()).toEqual(['holder again then waiter', 'waiter then holder again']);
});

test("a negative timeout, or a timeout without blocking, is Python's ValueError at the call", async () => {
  const r = await runScenario(
    `import { Lock, Queue, ValueError } from 'interleave/sync';
     export const log: unknown[] = [];
     export async function a() {
       const lock = new Lock();
       const q = new Queue<number>();
       for (const call of [() => lock.acquire({ timeout: -5 }), () => lock.acquire({ blocking: false, timeout: 5 }), () => q.get({ timeout: -1.5 })]) {
         try { await call(); log.push('no error'); } catch (e) { log.push(e instanceof ValueError ? 'ValueError' : (e as Error).name); }
       }
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual(['ValueError', 'ValueError', 'ValueError']);
});
