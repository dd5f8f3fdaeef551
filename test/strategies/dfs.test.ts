import { compileScenario } from '../support/scenario';
import { DfsStrategy } from '../../harness/strategies/dfs';
import { FifoStrategy } from '../../harness/strategies/fifo';
import { GuidedStrategy } from '../../harness/strategies/guided';
import type { Coroutine } from '../../harness/scheduler/task';
import { everySchedule } from '../sync/learner';
import { runThreads, step, twoThreads } from './threads';

/** Every log of every schedule the search runs, in order, until it reports exhaustion. */
async function enumerate(bound: number): Promise<string[]> {
  const dfs = new DfsStrategy(7, bound);
  const logs: string[] = [];
  while (dfs.nextSchedule()) {
    logs.push((await runThreads(dfs, twoThreads(2))).log.join(' '));
    if (logs.length > 100) throw new Error('the search did not end');
  }
  return logs;
}

const ALL_SIX = ['a1 a2 b1 b2', 'a1 b1 a2 b2', 'a1 b1 b2 a2', 'b1 a1 a2 b2', 'b1 a1 b2 a2', 'b1 b2 a1 a2'];
const NO_PREEMPTION = ['a1 a2 b1 b2', 'b1 b2 a1 a2'];
const ONE_PREEMPTION = ['a1 b1 b2 a2', 'b1 a1 a2 b2'];

test('with preemption bound 2, dfs reaches each of the six interleavings of two 2-step threads', async () => {
  expect([...new Set(await enumerate(2))].sort()).toEqual(ALL_SIX);
});

test('dfs runs every schedule with fewer preemptions before any with more (iterated bounds, as CHESS)', async () => {
  const logs = await enumerate(2);
  // Bound 0, then bound 1 (which runs bound 0's two again), then bound 2: 2 + 4 + 6 schedules.
  expect(logs).toHaveLength(12);
  expect([...logs.slice(0, 2)].sort()).toEqual(NO_PREEMPTION);
  expect([...logs.slice(2, 6)].sort()).toEqual([...NO_PREEMPTION, ...ONE_PREEMPTION].sort());
  expect([...logs.slice(6)].sort()).toEqual(ALL_SIX);
  // The first interleaving with two preemptions comes after every one with at most one.
  const firstTwo = logs.findIndex((l) => !NO_PREEMPTION.includes(l) && !ONE_PREEMPTION.includes(l));
  expect(firstTwo).toBeGreaterThanOrEqual(6);
});

test('with preemption bound 1, dfs leaves out the interleavings that need two preemptions', async () => {
  const logs = await enumerate(1);
  expect([...new Set(logs)].sort()).toEqual([...NO_PREEMPTION, ...ONE_PREEMPTION].sort());
});

test('with preemption bound 0, dfs runs every thread to its end before the next one', async () => {
  const logs = await enumerate(0);
  expect([...logs].sort()).toEqual(NO_PREEMPTION);
});

test('once exhausted, nextSchedule() stays false', async () => {
  const dfs = new DfsStrategy(7, 2);
  let runs = 0;
  while (dfs.nextSchedule()) {
    await runThreads(dfs, twoThreads(2));
    runs++;
  }
  expect(runs).toBe(12);
  expect(dfs.nextSchedule()).toBe(false);
  expect(dfs.nextSchedule()).toBe(false);
  expect(dfs.schedules).toBe(12);
});

test('dfs never re-runs a yielding thread while another thread can run', async () => {
  const dfs = new DfsStrategy(7, 2);
  const logs: string[] = [];
  while (dfs.nextSchedule()) {
    const r = await runThreads(dfs, {
      spinner: function* (log): Coroutine {
        for (let i = 1; i <= 3; i++) {
          log.push(`s${i}`);
          yield step(true);
        }
        return undefined;
      },
      worker: function* (log): Coroutine {
        log.push('w1');
        yield step();
        log.push('w2');
        return undefined;
      },
    });
    logs.push(r.log.join(' '));
  }
  expect(logs.length).toBeGreaterThan(1);
  for (const log of logs) expect({ log, spinsInARow: spinsWhileWorkerRunnable(log) }).toEqual({ log, spinsInARow: 0 });
  expect(new Set(logs).size).toBeGreaterThan(1);
});

/** How often the spinner ran twice in a row while the worker (done at `w2`) could have run. */
function spinsWhileWorkerRunnable(log: string): number {
  const steps = log.split(' ');
  let count = 0;
  for (let i = 1; i < steps.length && !steps.slice(0, i).includes('w2'); i++) {
    if (steps[i - 1].startsWith('s') && steps[i].startsWith('s')) count++;
  }
  return count;
}

const LEARNER_TWO_STEPS = `
  export const log: string[] = [];
  export async function a() { log.push('a1'); await null; log.push('a2'); }
  export async function b() { log.push('b1'); await null; log.push('b2'); }`;

test('on learner code, dfs reaches every interleaving and then reports exhaustion', async () => {
  const run = await compileScenario(LEARNER_TWO_STEPS);
  const dfs = new DfsStrategy(7, 2);
  const results = await everySchedule(run, dfs, { threads: ['a', 'b'] }, 200);
  expect(results.length).toBeLessThan(200);
  expect(dfs.nextSchedule()).toBe(false);
  expect(new Set(results.map((r) => (r.exports.log as string[]).join(' ')))).toEqual(new Set(ALL_SIX));
  // Within one bound, every schedule it ran was a different sequence of decisions: the last bound's
  // are the last six.
  const last = results.slice(-6);
  expect(new Set(last.map((r) => r.decisions.join())).size).toBe(6);
});

// BUG (harness/scheduler/runtime.ts, Runtime.run): the strategy is told `current = this.lastTask`,
// the task the scheduler resumed. But a thread goes on in another task: at its first step the
// thread's async method becomes a new task, and after a nested async call returns, its caller
// resumes. Then `runnable.indexOf(current)` is -1, and DfsStrategy.expand treats the switch as
// free: no preemption is charged, so bound 0 still interleaves the threads.
test('on learner code, dfs with preemption bound 0 runs every thread to its end before the next one', async () => {
  const run = await compileScenario(LEARNER_TWO_STEPS);
  const results = await everySchedule(run, new DfsStrategy(7, 0), { threads: ['a', 'b'] }, 200);
  expect(new Set(results.map((r) => (r.exports.log as string[]).join(' ')))).toEqual(new Set(['a1 a2 b1 b2', 'b1 b2 a1 a2']));
});

test('dfs explores which waiter notify() wakes', async () => {
  const run = await compileScenario(`
    import { Condition, yieldThread } from 'interleave/sync';
    export const log: string[] = [];
    const cond = new Condition();
    let waiting = 0;
    async function waiter(name: string) { await cond.acquire(); waiting++; await cond.wait(); log.push(name); await cond.release(); }
    export async function w1() { await waiter('w1'); }
    export async function w2() { await waiter('w2'); }
    export async function notifier() {
      while (waiting < 2) await yieldThread();
      await cond.acquire();
      await cond.notify();
      await cond.release();
    }`);
  const results = await everySchedule(run, new DfsStrategy(7, 0), { threads: ['w1', 'w2', 'notifier'] }, 500);
  const woken = new Set(results.map((r) => `${r.verdict}:${(r.exports.log as string[]).join()}`));
  // One waiter is woken, the other deadlocks: dfs tries both choices of notify().
  expect(woken).toEqual(new Set(['DL:w1', 'DL:w2']));
});

test('a poller that sleeps lets a thread that can go run before time passes, in the first schedule of a dfs', async () => {
  // The poller sleeps beside its poll (Promise.all), so it yields with a task of its own still
  // runnable; time passing was the candidate right after it and was chosen round after round, so
  // the producer (in put() since the queue was full, free since the poller took the item) never
  // ran: a correct pipeline got TLE.
  const run = await compileScenario(`
    import { Queue, sleep } from 'interleave/sync';
    export const log: string[] = [];
    const q = new Queue<number>(1);
    export async function producer() {
      await q.put(1);
      await q.put(2);
      log.push('put 2');
    }
    export async function poller() {
      let got = 0;
      while (got < 2) {
        const [item] = await Promise.all([q.getNowait().catch(() => null), sleep(5)]);
        if (item !== null) got++;
      }
      log.push('got 2');
    }`);
  const results = await everySchedule(run, new DfsStrategy(7, 0), { threads: ['producer', 'poller'] }, 50);
  for (const r of results) expect(r.verdict).toBe('OK');
  expect(results[0].exports.log).toEqual(expect.arrayContaining(['put 2', 'got 2']));
});

// The runnable list comes in the order tasks were made, not in thread order: a thread whose timer
// callback (made last) is ready stands after the others. Round robin went on in list order and two
// spinners took turns for ever (a spin-wait beside a thread waiting for its setTimeout was TLE).
test('dfs round robin at yields goes round in thread order, whatever the order of the list', () => {
  const dfs = new DfsStrategy(1, 0);
  dfs.nextSchedule();
  const runnable = [2, 3, 1];
  const turns: number[] = [];
  let current = 3;
  for (let k = 0; k < 6; k++) {
    current = runnable[dfs.pick(runnable, current, true)];
    turns.push(current);
  }
  expect(turns).toEqual([1, 2, 3, 1, 2, 3]);
});

test('fifo and the guide left to itself take turns in thread order too (nextInTurn), whatever the order of the list', () => {
  const runnable = [2, 3, 1];
  const fifo = new FifoStrategy();
  fifo.nextSchedule();
  const guided = new GuidedStrategy([]);
  guided.nextSchedule();
  for (const s of [fifo, guided]) {
    const turns: number[] = [];
    let current = 3;
    for (let k = 0; k < 6; k++) {
      current = runnable[s.pick(runnable, current, true)];
      turns.push(current);
    }
    expect({ strategy: s.name, turns }).toEqual({ strategy: s.name, turns: [1, 2, 3, 1, 2, 3] });
  }
});
