import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { compileScenario } from '../support/scenario';
import { PctStrategy } from '../../harness/strategies/pct';
import { logOf } from '../sync/learner';

/**
 * A depth-2 bug: `checker` sees the flag only if its check runs after `setter` raised the flag and
 * before `setter` lowered it again. Two ordering constraints: with fixed priorities one thread runs
 * to its end first and the flag is down at the check; one priority change point is needed.
 */
const DEPTH_TWO = `
  export const seen = { bug: false };
  let flag = false;
  export async function setter() {
    for (let i = 0; i < 4; i++) await null;
    flag = true;
    for (let i = 0; i < 6; i++) await null;
    flag = false;
    for (let i = 0; i < 4; i++) await null;
  }
  export async function checker() {
    for (let i = 0; i < 4; i++) await null;
    if (flag) seen.bug = true;
    for (let i = 0; i < 4; i++) await null;
  }`;

async function schedulesToBug(depth: number, seed: number, max: number): Promise<number | null> {
  const run = await compileScenario(DEPTH_TWO);
  const pct = new PctStrategy(seed, depth);
  const driven = { name: pct.name, nextSchedule: () => true, pick: pct.pick.bind(pct), choose: pct.choose.bind(pct) };
  for (let k = 1; k <= max; k++) {
    pct.nextSchedule();
    const r = await run({ threads: ['setter', 'checker'], strategy: driven });
    if ((r.exports.seen as { bug: boolean }).bug) return k;
  }
  return null;
}

test('pct with depth 2 finds a bug that needs one priority change', async () => {
  for (const seed of [1, 2, 3]) expect(await schedulesToBug(2, seed, 200)).not.toBeNull();
});

test('pct with depth 1 (no change point) never finds it: it runs the highest-priority thread to its end', async () => {
  for (const seed of [1, 2, 3]) expect(await schedulesToBug(1, seed, 200)).toBeNull();
});

test('pct makes the same schedules for the same seed', async () => {
  const run = await compileScenario(`
    export const log: string[] = [];
    async function work(name: string) { for (let i = 0; i < 5; i++) { log.push(name + i); await null; } }
    export async function a() { await work('a'); }
    export async function b() { await work('b'); }
    export async function c() { await work('c'); }`);
  const schedules = async (seed: number): Promise<string[]> => {
    const pct = new PctStrategy(seed, 3);
    const driven = { name: pct.name, nextSchedule: () => true, pick: pct.pick.bind(pct), choose: pct.choose.bind(pct) };
    const out: string[] = [];
    for (let k = 0; k < 8; k++) {
      pct.nextSchedule();
      const r = await run({ threads: ['a', 'b', 'c'], strategy: driven });
      out.push(`${r.decisions.join('')} ${logOf(r).join()}`);
    }
    return out;
  };
  const first = await schedules(5);
  expect(await schedules(5)).toEqual(first);
  expect(await schedules(6)).not.toEqual(first);
  expect(new Set(first).size).toBeGreaterThan(1);
});

test('pct runs the task with the highest priority until a change point', () => {
  const pct = new PctStrategy(9, 1);
  pct.nextSchedule();
  const first = pct.pick([1, 2, 3], -1, false);
  for (let i = 0; i < 50; i++) expect(pct.pick([1, 2, 3], [1, 2, 3][first], false)).toBe(first);
});

test('pct drops a yielding task below every other', () => {
  const pct = new PctStrategy(9, 1);
  pct.nextSchedule();
  const top = [1, 2, 3][pct.pick([1, 2, 3], -1, false)];
  const next = [1, 2, 3][pct.pick([1, 2, 3], top, true)];
  expect(next).not.toBe(top);
  // Once both have yielded, the third task, which never yielded, is above them both.
  const third = [1, 2, 3].find((t) => t !== top && t !== next);
  expect([1, 2, 3][pct.pick([1, 2, 3], next, true)]).toBe(third);
});

// A thread woken by time passing keeps its priority: PCT dropped it as a yielder, so "wakes and
// pulses an Event before the thread that should wait for it moves" came about 1 schedule in 100.
test.each([1, 2, 3, 4, 5])('pct finds the Event pulse a waking sleeper sends within 30 schedules (seed %d)', async (seed) => {
  const file = path.join(__dirname, '../../problems/print-in-order/solutions/deadlock/event_pulse.ts');
  const r = await judgeFile('print-in-order', file, { seed, strategy: 'pct', schedules: 30 });
  expect(r.verdict).toBe('DL');
});

// Priorities are threads', not tasks': a thread whose work is split into `async` helpers keeps one
// priority through every call, so with no change point one thread still runs to its end before
// the other starts. With a fresh priority for each helper call the threads interleaved at random,
// and PCT's bound for a bug of depth d (a chance of 1/(n·k^(d-1)) per schedule) was lost.
test.each([1, 2, 3, 4, 5])('pct keeps a thread’s priority through its async helper calls (seed %d)', async (seed) => {
  const run = await compileScenario(`
    export const log: string[] = [];
    async function step(name: string, i: number) { log.push(name + i); await null; }
    async function work(name: string) { for (let i = 0; i < 6; i++) await step(name, i); }
    export async function a() { await work('a'); }
    export async function b() { await work('b'); }`);
  const pct = new PctStrategy(seed, 1);
  const driven = { name: pct.name, nextSchedule: () => true, pick: pct.pick.bind(pct), choose: pct.choose.bind(pct) };
  for (let k = 0; k < 6; k++) {
    pct.nextSchedule();
    const order = logOf(await run({ threads: ['a', 'b'], strategy: driven })).map((s) => s[0]).join('');
    expect(['aaaaaabbbbbb', 'bbbbbbaaaaaa']).toContain(order);
  }
});
