import { compileScenario, exploreLogs, runScenario } from '../support/scenario';
import { logOf, seeds } from './learner';

test('set() wakes every thread waiting on the Event', async () => {
  const run = await compileScenario(
    `import { Event, yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     const ev = new Event();
     let waiting = 0;
     async function waiter(name: string) { waiting++; if (await ev.wait()) log.push(name); }
     export async function w1() { await waiter('w1'); }
     export async function w2() { await waiter('w2'); }
     export async function w3() { await waiter('w3'); }
     export async function setter() {
       while (waiting < 3) await yieldThread();
       await ev.set();
     }`,
  );
  for (const seed of seeds(30)) {
    const r = await run({ threads: ['w1', 'w2', 'w3', 'setter'], seed });
    expect(r.verdict).toBe('OK');
    expect([...logOf(r)].sort()).toEqual(['w1', 'w2', 'w3']);
  }
});

test('wait() on an Event that is already set returns true at once', async () => {
  const r = await runScenario(
    `import { Event } from 'interleave/sync';
     export const log: unknown[] = [];
     const ev = new Event();
     void ev.set();
     export async function a() { const t0 = Date.now(); log.push(ev.isSet(), await ev.wait(), Date.now() - t0); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([true, true, 0]);
});

test('a waiter woken by set() returns true even when the flag was cleared before it ran', async () => {
  const run = await compileScenario(
    `import { Event, yieldThread } from 'interleave/sync';
     export const log: unknown[] = [];
     const ev = new Event();
     let waiting = false;
     export async function waiter() {
       waiting = true;
       const result = await ev.wait();
       log.push(result, ev.isSet());
     }
     export async function setter() {
       while (!waiting) await yieldThread();
       await ev.set();
       await ev.clear();
     }`,
  );
  const flagsSeen = new Set<boolean>();
  for (const seed of seeds(40)) {
    const r = await run({ threads: ['waiter', 'setter'], seed });
    expect(r.verdict).toBe('OK');
    const [result, isSet] = r.exports.log as [boolean, boolean];
    expect(result).toBe(true);
    flagsSeen.add(isSet);
  }
  // Both happened: the waiter ran before the clear, and after it.
  expect([...flagsSeen].sort()).toEqual([false, true]);
});

test('after clear(), wait() blocks until the next set()', async () => {
  const r = await runScenario(
    `import { Event } from 'interleave/sync';
     export const log: unknown[] = [];
     const ev = new Event();
     export async function a() {
       await ev.set();
       await ev.clear();
       log.push(ev.isSet(), await ev.wait(5));
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, false]);
});

test('wait(timeout) returns false when nobody sets the Event in time', async () => {
  const r = await runScenario(
    `import { Event } from 'interleave/sync';
     export const log: unknown[] = [];
     const ev = new Event();
     export async function a() {
       const t0 = Date.now();
       log.push(await ev.wait(75), Date.now() - t0);
     }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('OK');
  expect(r.exports.log).toEqual([false, 75]);
});

test('wait(timeout) returns true when the Event is set in time, and may time out first when the setter is slow', async () => {
  const seen = await exploreLogs(
    `import { Event, sleep } from 'interleave/sync';
     export const log: unknown[] = [];
     const ev = new Event();
     export async function a() {
       const t0 = Date.now();
       log.push(await ev.wait(75), Date.now() - t0);
     }
     export async function b() { await sleep(30); await ev.set(); }`,
    ['a', 'b'],
    60,
  );
  expect(seen).toContain('OK:true,30');
  expect(seen).toContain('OK:false,75');
  // A timeout never expires before its deadline (a slow waiter may notice it later).
  for (const s of seen) {
    const [, got, ms] = /^OK:(true|false),(\d+)$/.exec(s)!;
    if (got === 'false') expect(Number(ms)).toBeGreaterThanOrEqual(75);
  }
});

test('a wait() with no timeout on an Event nobody sets is a deadlock', async () => {
  const r = await runScenario(
    `import { Event } from 'interleave/sync';
     const ev = new Event();
     export async function a() { await ev.wait(); }`,
    { threads: ['a'] },
  );
  expect(r.verdict).toBe('DL');
  expect(r.blocked).toEqual([{ thread: 'a', waitsIn: 'Event.wait()' }]);
});
