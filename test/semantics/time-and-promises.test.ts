/**
 * Issue 10, "What must be true": time and plain promises as a learner means them. One test per
 * behaviour, named by its sentence, judged the way a learner's file is judged (the real judge,
 * in-process, under several seeds) and asserting what the learner would notice: the verdict, and
 * for the messages, the line and the words on the screen. The solutions judged here are the
 * problem packages' own known-good and known-bad files in these styles, or small inline files
 * written the same way.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { decodeToken } from '../../harness/judge/replay-token';
import type { Failure, ProblemResult } from '../../harness/model/result';
import { ROOT } from '../support/cli';
import { compileScenario, runScenario } from '../support/scenario';
import { orderedFoo } from '../support/ordered-foo';

const SEEDS = [1, 2, 3];

/** A file of a problem package: `problems/<problem>/solutions/<rel>`. */
function solution(problem: string, rel: string): string {
  return path.join(ROOT, 'problems', problem, 'solutions', rel);
}

/** The 1-based line of the only line of `text` that contains `marker`. */
function lineIn(text: string, marker: string): number {
  const hits = text.split('\n').flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`marker ${JSON.stringify(marker)} is on ${hits.length} lines`);
  return hits[0];
}

/** The 1-based lines of every line of `text` that contains `marker`. */
function linesIn(text: string, marker: string): number[] {
  return text.split('\n').flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
}

/** Judges a package file (or an inline `source` under a made-up file name) under one seed. */
async function judge(problem: string, file: string, seed: number, source?: string): Promise<ProblemResult> {
  return judgeFile(problem, file, { seed, ...(source === undefined ? {} : { source }) });
}

/** The verdict under each seed, as `{ seed: verdict }`, for readable failures. */
async function verdicts(problem: string, file: string, source?: string): Promise<Record<number, string>> {
  const out: Record<number, string> = {};
  for (const seed of SEEDS) {
    const r = await judge(problem, file, seed, source);
    const failure = r.cases.find((c) => c.failure)?.failure;
    out[seed] = failure ? `${r.verdict}: ${failure.message}` : r.verdict;
  }
  return out;
}

/** What every seed must give: the bare verdict, or a failure message starting with it. */
function expectVerdict(got: Record<number, string>, verdict: string): void {
  const bare = Object.fromEntries(Object.entries(got).map(([s, v]) => [s, v.replace(/:.*$/s, '')]));
  expect({ got, bare }).toEqual({ got, bare: Object.fromEntries(SEEDS.map((s) => [String(s), verdict])) });
}

function firstFailure(r: ProblemResult): Failure {
  const failure = r.cases.find((c) => c.failure)?.failure;
  if (!failure) throw new Error(`expected a failing case, got ${r.verdict}`);
  return failure;
}

/** Everything the learner reads about a failure, in one string. */
function shown(f: Failure): string {
  return [f.message, f.expected ?? '', f.actual ?? '', ...f.notes].join('\n');
}

/** The failure points at `file` on one of `lines`, or names `file:line` in its text. */
function pointsAt(f: Failure, file: string, lines: number[]): boolean {
  if (f.site && f.site.file === file && lines.includes(f.site.line)) return true;
  return lines.some((l) => shown(f).includes(`${file}:${l}`));
}

describe('1. Time passes while threads run', () => {
  test('a correct spin-wait on a sleeping thread is AC', async () => {
    expectVerdict(await verdicts('print-in-order', solution('print-in-order', 'accepted/spin_yield_beside_sleeper.ts')), 'AC');
    expectVerdict(await verdicts('foobar', solution('foobar', 'accepted/spin_yield_beside_sleeper.ts')), 'AC');
  });

  test("a timer (setTimeout) may fire at any switch point: a spin-wait on a thread waiting for its timer is AC", async () => {
    const source = `
      import { yieldThread } from 'interleave/sync';

      export class Foo {
        private stage = 0;

        async first(printFirst: () => void): Promise<void> {
          await new Promise<void>((resolve) => setTimeout(resolve, 3));
          printFirst();
          this.stage = 1;
        }

        async second(printSecond: () => void): Promise<void> {
          while (this.stage < 1) await yieldThread();
          printSecond();
          this.stage = 2;
        }

        async third(printThird: () => void): Promise<void> {
          while (this.stage < 2) await yieldThread();
          printThird();
        }
      }`;
    expectVerdict(await verdicts('print-in-order', path.join(ROOT, 'timer_spin.ts'), source), 'AC');
  });

  test('a cleared timer never runs, as in Node: one cleared by a callback due at the same time, and an interval that clears itself at its first tick', async () => {
    const source = `
      import { Event } from 'interleave/sync';

      export class Foo {
        private e1 = new Event();
        private e2 = new Event();

        async first(printFirst: () => void): Promise<void> {
          let late = false;
          let b: ReturnType<typeof setTimeout> | undefined;
          setTimeout(() => clearTimeout(b), 5);
          b = setTimeout(() => { late = true; }, 5);
          const ticks = await new Promise<number>((resolve) => {
            let n = 0;
            const h = setInterval(() => {
              n++;
              clearInterval(h);
              setTimeout(() => resolve(n), 20);
            }, 1);
          });
          if (!late && ticks === 1) printFirst();
          await this.e1.set();
        }

        async second(printSecond: () => void): Promise<void> {
          await this.e1.wait();
          printSecond();
          await this.e2.set();
        }

        async third(printThird: () => void): Promise<void> {
          await this.e2.wait();
          printThird();
        }
      }`;
    expectVerdict(await verdicts('print-in-order', path.join(ROOT, 'cleared_timers.ts'), source), 'AC');
  });

  test('a timeout of Infinity waits for ever (it timed out at once), a setTimeout of Infinity runs after 1 ms as in Node', async () => {
    const source = `
      import { Event, Condition } from 'interleave/sync';

      export class Foo {
        private e1 = new Event();
        private cond = new Condition();
        private second_done = false;

        async first(printFirst: () => void): Promise<void> {
          await new Promise<void>((resolve) => setTimeout(resolve, Infinity));
          printFirst();
          await this.e1.set();
        }

        async second(printSecond: () => void): Promise<void> {
          if (!(await this.e1.wait(Infinity))) throw new Error('e1.wait(Infinity) timed out');
          printSecond();
          await this.cond.acquire();
          this.second_done = true;
          await this.cond.notifyAll();
          await this.cond.release();
        }

        async third(printThird: () => void): Promise<void> {
          await this.cond.acquire();
          while (!this.second_done) await this.cond.wait(Infinity);
          await this.cond.release();
          printThird();
        }
      }`;
    expectVerdict(await verdicts('print-in-order', path.join(ROOT, 'infinite_timeouts.ts'), source), 'AC');
  });

  // A poll of either kind beside a 10 ms meal was TLE on every seed: a timer of no delay kept the
  // clock's next deadline at now, and an immediate run at once kept its thread running.
  test.each([
    ['setTimeout(r, 0)', 'setTimeout(r, 0)'],
    ['setImmediate(r)', 'setImmediate(r)'],
  ])('a loop that polls with %s beside a sleeping thread ends, as in Node', async (_what, wait) => {
    const source = `
      const { sleep } = require('interleave/sync');

      class DiningPhilosophers {
        constructor() { this.owner = [-1, -1, -1, -1, -1]; }
        async wantsToEat(p, pickLeftFork, pickRightFork, eat, putLeftFork, putRightFork) {
          const l = p, r = (p + 1) % 5;
          while (this.owner[l] !== -1 || this.owner[r] !== -1) await new Promise((r) => ${wait});
          this.owner[l] = this.owner[r] = p;
          pickLeftFork(); pickRightFork();
          await eat();
          putLeftFork(); putRightFork();
          this.owner[l] = this.owner[r] = -1;
        }
      }
      module.exports = { DiningPhilosophers };`;
    expectVerdict(await verdicts('dining-philosophers', path.join(ROOT, 'poll.js'), source), 'AC');
  });

  test('a delay under 1 ms is 1 ms and a fraction rounds up, as in Node: Date.now() stays whole; a cleared immediate never runs', async () => {
    const preamble = `const after = (ms: number): Promise<number> => {
  const t0 = Date.now();
  return new Promise((resolve) => setTimeout(() => resolve(Date.now() - t0), ms));
};`;
    const first = [
      'const waited = [await after(0), await after(0.5), await after(-3), await after(1.5), await after(2)];',
      'let ran = false;',
      'clearImmediate(setImmediate(() => { ran = true; }));',
      'await new Promise<void>((resolve) => setImmediate(resolve));',
      "if (waited.join() !== '1,1,1,2,2' || ran) throw new Error(`waited ${waited.join()}, cleared immediate ran: ${ran}`);",
    ].join(' ');
    expectVerdict(await verdicts('print-in-order', path.join(ROOT, 'small_delays.ts'), orderedFoo(first, { preamble })), 'AC');
  });

  test('sleeps that would take the clock past what it can count never end: a deadlock, never a clock at Infinity (the result was refused: JE)', async () => {
    const source = `
      import { sleep } from 'interleave/sync';
      export class Foo {
        async first(p: () => void) { await sleep(1e308); await sleep(1e308); p(); }
        async second(p: () => void) { await sleep(Infinity); p(); }
        async third(p: () => void) { p(); }
      }`;
    const got = await verdicts('print-in-order', path.join(ROOT, 'endless_sleeps.ts'), source);
    // third prints first: WA, or the sleepers never wake: DL; never JE.
    for (const v of Object.values(got)) expect(v).toMatch(/^(WA|DL)\b/);
    const r = await judge('print-in-order', path.join(ROOT, 'endless_sleeps.ts'), 1, source.replace('async third(p: () => void) { p(); }', 'async third(p: () => void) { await sleep(Infinity); p(); }'));
    expect(r.verdict).toBe('DL');
    expect(firstFailure(r).blocked?.map((b) => b.waitsIn)).toEqual(['sleep(1e+308)', 'sleep(Infinity)', 'sleep(Infinity)']);
  });

  test('a real livelock (nothing pending can ever change what the spinners wait for) is still TLE within the step budget, with a message that says what spins', async () => {
    const file = 'livelock.ts';
    const source = `
      import { yieldThread } from 'interleave/sync';

      export class FooBar {
        private fooReady = false;
        private barReady = false;

        constructor(private readonly n: number) {}

        async foo(printFoo: () => void): Promise<void> {
          while (!this.barReady) await yieldThread(); // foo spins
          this.fooReady = true;
          for (let i = 0; i < this.n; i++) printFoo();
        }

        async bar(printBar: () => void): Promise<void> {
          while (!this.fooReady) await yieldThread(); // bar spins
          this.barReady = true;
          for (let i = 0; i < this.n; i++) printBar();
        }
      }`;
    const loops = [lineIn(source, '// foo spins'), lineIn(source, '// bar spins')];
    const budget = JSON.parse(fs.readFileSync(path.join(ROOT, 'problems', 'foobar', 'problem.json'), 'utf8')).limits.steps as number;
    for (const seed of SEEDS) {
      const r = await judge('foobar', path.join(ROOT, file), seed, source);
      const f = firstFailure(r);
      expect({ seed, verdict: r.verdict }).toEqual({ seed, verdict: 'TLE' });
      expect(f.steps).toBeLessThanOrEqual(budget + 1);
      // What spins: the yieldThread() loop, at the learner's line.
      expect(shown(f)).toMatch(/yieldThread\(\)/);
      expect({ seed, site: f.site, text: shown(f), pointsAtLoop: pointsAt(f, file, loops) }).toMatchObject({ seed, pointsAtLoop: true });
    }
  });

  test('a timed wait may expire before any other thread makes progress: code that relies on "the other thread is never that slow" is caught', async () => {
    expectVerdict(await verdicts('foobar', solution('foobar', 'wrong_answer/acquire_timeout_ignored.ts')), 'WA');
  });
});

describe('2. Results are read when the threads return', () => {
  test("a problem's final reads see the state at the moment the last harness call returned: work still running after its method returned cannot repair a result, and it is reported", async () => {
    const file = solution('race-counter', 'wrong_answer/fire_and_forget.ts');
    expectVerdict(await verdicts('race-counter', file), 'WA');
    const f = firstFailure(await judge('race-counter', file, 1));
    // value was read when the last update() returned: the work still sleeping then is missing
    // (how much had finished by then depends on how fast time passed in that schedule).
    expect(Number(f.actual)).toBeLessThan(Number(f.expected));
    // and the learner is told that work was left running after update() returned.
    expect(shown(f)).toMatch(/still running|left running|after (it|update\(\)|its method|the method) (had )?returned/i);
  });
});

describe('3. Returned promises are adopted', () => {
  test("an async method that returns a primitive's promise resolves to its value: the queue pipeline with `return this.queue.get()` is AC", async () => {
    expectVerdict(await verdicts('pipeline', solution('pipeline', 'accepted/queue_return_get.ts')), 'AC');
  });

  test("async helpers that return a primitive's promise wait for it as `await` would", async () => {
    expectVerdict(await verdicts('foobar', solution('foobar', 'accepted/async_helper_returns_acquire.ts')), 'AC');
    expectVerdict(await verdicts('race-counter', solution('race-counter', 'accepted/async_helper_returns_acquire.ts')), 'AC');
  });

  test('no missing-await note is made for a returned promise, and the values received are never judge objects (a thenable is adopted too)', async () => {
    const run = await compileScenario(`
      import { Queue } from 'interleave/sync';
      export const log: unknown[] = [];
      const q = new Queue<string>(1);
      async function take(): Promise<string> {
        return q.get();
      }
      async function answer(): Promise<number> {
        return { then(resolve: (v: number) => void) { resolve(42); } } as unknown as number;
      }
      export async function producer() {
        await q.put('m1');
        await q.put('m2');
      }
      export async function consumer() {
        log.push(await take());
        log.push(await take());
        log.push(await answer());
      }`);
    for (const seed of SEEDS) {
      const r = await run({ threads: ['producer', 'consumer'], seed, tracing: true });
      expect({ seed, verdict: r.verdict, log: r.exports.log, notes: r.notes }).toEqual({ seed, verdict: 'OK', log: ['m1', 'm2', 42], notes: [] });
    }
  });
});

describe('3b. ES2024 promises', () => {
  test('Promise.withResolvers() (ES2024, which Node 20 lacks) works: a Foo ordered by resolvers is AC', async () => {
    const preamble = 'const one = Promise.withResolvers<void>();\nconst two = Promise.withResolvers<void>();';
    const source = orderedFoo('', { preamble })
      .replace('await this.e1.set(); }', 'one.resolve(); }')
      .replace('await this.e1.wait(); p(); await this.e2.set();', 'await one.promise; p(); two.resolve();')
      .replace('await this.e2.wait(); p();', 'await two.promise; p();');
    expect(source).toContain('await two.promise');
    expectVerdict(await verdicts('print-in-order', path.join(ROOT, 'resolvers.ts'), source), 'AC');
  });
});

describe('4. `.then` callbacks and `Promise.all` stay in their thread, a step each', () => {
  test('timers set in a `.then` callback fire: `await gate.then(() => delay(1))` with `delay` built on setTimeout is AC', async () => {
    expectVerdict(await verdicts('print-in-order', solution('print-in-order', 'accepted/then_chain_delay.ts')), 'AC');
    expectVerdict(await verdicts('foobar', solution('foobar', 'accepted/then_chain_delay.ts')), 'AC');
  });

  test('an RLock acquired through Promise.all is owned by the thread that awaits it', async () => {
    expectVerdict(await verdicts('race-counter', solution('race-counter', 'accepted/promise_all_rlock.ts')), 'AC');
    expectVerdict(await verdicts('zero-even-odd', solution('zero-even-odd', 'accepted/promise_all_rlock_turns.ts')), 'AC');
  });

  test('a `.then` callback is a step of its own, as the code after an `await` is: a check in one callback and the act in the next are caught', async () => {
    expectVerdict(await verdicts('traffic-light', solution('traffic-light', 'wrong_answer/then_chain_check_then_act.ts')), 'WA');
    expectVerdict(await verdicts('dining-philosophers', solution('dining-philosophers', 'deadlock/promise_chain_mutex_left_first.ts')), 'DL');
    expectVerdict(await verdicts('traffic-light', solution('traffic-light', 'accepted/then_chain_lock.ts')), 'AC');
    expectVerdict(await verdicts('dining-philosophers', solution('dining-philosophers', 'accepted/promise_chain_mutex_ordered.ts')), 'AC');
  });

  test('callbacks attached to one promise run in the order they were attached, in every schedule', async () => {
    const run = await compileScenario(
      `export const log: string[] = [];
       export function a() {
         const p = Promise.resolve();
         return Promise.all([p.then(() => log.push('a1')), p.then(() => log.push('a2')), p.then(() => log.push('a3'))]);
       }
       export function b() {
         return Promise.resolve().then(() => log.push('b1')).then(() => log.push('b2'));
       }`,
    );
    const orders = new Set<string>();
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
      const r = await run({ threads: ['a', 'b'], seed });
      expect(r.verdict).toBe('OK');
      const log = r.exports.log as string[];
      expect(log.filter((l) => l.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
      expect(log.filter((l) => l.startsWith('b'))).toEqual(['b1', 'b2']);
      orders.add(log.join(' '));
    }
    // The two threads' callbacks interleave (they did not: a chain ran whole in one step).
    expect(orders.size).toBeGreaterThan(1);
  });

  test("a thread's jobs run in the order JavaScript queues them: a callback attached before an `await` runs before the code after it, and what is queued runs before the thread's own timer", async () => {
    expectVerdict(await verdicts('print-in-order', solution('print-in-order', 'accepted/then_before_await.js')), 'AC');
    expectVerdict(await verdicts('print-in-order', solution('print-in-order', 'accepted/microtask_before_own_timer.js')), 'AC');
  });

  test("an async helper started and not awaited goes on before the code after the caller's next `await`, as in Node", async () => {
    const run = await compileScenario(
      `export const log: string[] = [];
       export async function a() {
         const helper = (async () => { log.push('h1'); await null; log.push('h2'); await null; log.push('h3'); })();
         await null;
         log.push('a1');
         await null;
         log.push('a2');
         await helper;
       }`,
    );
    for (const seed of [1, 2, 3, 4]) {
      const r = await run({ threads: ['a'], seed });
      expect(r.verdict).toBe('OK');
      expect(r.exports.log).toEqual(['h1', 'h2', 'a1', 'h3', 'a2']);
    }
  });

  test('a promise rejected and never handled is RTE, as Node ends the process; one handled before every thread waits is not', async () => {
    expectVerdict(await verdicts('print-in-order', solution('print-in-order', 'run_time_error/rejection_handled_too_late.js')), 'RTE');
    const run = await compileScenario(
      `export const log: string[] = [];
       export async function dropped() { Promise.reject(new Error('dropped')); }
       export async function later() {
         const p = Promise.reject(new Error('later'));
         await null;
         p.catch((e: Error) => log.push('caught ' + e.message));
       }
       export async function chained() {
         await Promise.resolve().then(() => { throw new Error('in then'); }).catch((e: Error) => log.push('caught ' + e.message));
       }
       export async function thrownInThen() { Promise.resolve().then(() => { throw new Error('thrown'); }); }`,
    );
    for (const seed of [1, 2, 3]) {
      const bad = await run({ threads: ['dropped'], seed });
      expect([bad.verdict, bad.message]).toEqual(['RTE', expect.stringMatching(/^Error: dropped: a promise was rejected and nothing handled it/)]);
      const thrown = await run({ threads: ['thrownInThen'], seed });
      expect([thrown.verdict, thrown.message]).toEqual(['RTE', expect.stringMatching(/^Error: thrown: a promise was rejected/)]);
      const good = await run({ threads: ['later', 'chained'], seed });
      expect(good.verdict).toBe('OK');
      expect([...(good.exports.log as string[])].sort()).toEqual(['caught in then', 'caught later']);
    }
  });

  test('notes about busy waiting are not charged to main', async () => {
    // Each updater sleeps twice (a sleep(0) in Promise.all, and sleep(name)): nobody busy-waits,
    // whereas charging every thread's sleep(0) to main would make main "spin" six times.
    const r = await judge('race-counter', solution('race-counter', 'accepted/promise_all_rlock.ts'), 1);
    expect(r.verdict).toBe('AC');
    expect(r.cases.map((c) => [c.name, c.explored.busyWaiting])).toEqual(r.cases.map((c) => [c.name, false]));
  });
});

describe('5. Messages a student can act on, with the learner line', () => {
  test('a TLE from spinning on `await null` / `await Promise.resolve()` says that such an await does not let other threads run, and shows the loop line', async () => {
    const files = [
      ['print-in-order', 'time_limit_exceeded/spin_await_null_beside_sleeper.ts', 'await null;'],
      ['foobar', 'time_limit_exceeded/spin_promise_resolve_beside_sleeper.ts', 'await Promise.resolve();'],
    ] as const;
    for (const [problem, rel, loop] of files) {
      const file = solution(problem, rel);
      const loops = linesIn(fs.readFileSync(file, 'utf8'), `) ${loop}`);
      expect(loops.length).toBeGreaterThan(0);
      for (const seed of SEEDS) {
        const r = await judge(problem, file, seed);
        const f = firstFailure(r);
        expect({ file: rel, seed, verdict: r.verdict }).toEqual({ file: rel, seed, verdict: 'TLE' });
        expect(shown(f)).toMatch(/await null|await Promise\.resolve\(\)/);
        // ... and that such an await lets no other thread run (whatever the words).
        expect(shown(f)).toMatch(/\b(not|no|never|nothing|cannot|can't)\b[^.]*\b(other|another) threads?\b/i);
        // The spinning thread is named, at the line of its await.
        expect(f.message).toMatch(/kept running \([^)]*\b\w+ at await\b/);
        expect(loops.map((l) => `${path.basename(rel)}:${l}`).some((at) => f.message.includes(at))).toBe(true);
        // So is the sleeper whose time the spin keeps from passing, where it sleeps.
        expect(f.message).toMatch(/\b(first|foo) waited in sleep\(\d+\) at \w+\.ts:\d+/);
      }
    }
    // Every seed runs each file to its step budget: 24 s at load 3, past 60 s on a machine loaded twice over.
  }, 180_000);

  test('a WA for a print after the method returned shows that print line and what it printed', async () => {
    const file = solution('print-in-order', 'wrong_answer/print_in_set_timeout.ts');
    const printLine = lineIn(fs.readFileSync(file, 'utf8'), 'printFirst(); // runs after first() returned');
    expectVerdict(await verdicts('print-in-order', file), 'WA');
    for (const seed of SEEDS) {
      const f = firstFailure(await judge('print-in-order', file, seed));
      expect(f.message).toMatch(/printFirst\(\).*after first\(\).*returned/);
      expect({ seed, site: f.site }).toEqual({ seed, site: expect.objectContaining({ file: 'print_in_set_timeout.ts', line: printLine }) });
      expect({ seed, actual: f.actual }).toEqual({ seed, actual: expect.stringContaining('first') });
    }
  });

  test("an un-awaited call of the learner's own async helper is noted, like an un-awaited primitive", async () => {
    const source = `
      import { Event, Lock, sleep } from 'interleave/sync';
      export const log: string[] = [];
      const lock = new Lock();
      const ev = new Event();
      async function record(what: string): Promise<void> {
        await lock.acquire();
        log.push(what);
        await lock.release();
      }
      export async function a() {
        ev.set(); // primitive without await
        record('a'); // helper without await
        await sleep(5);
      }`;
    const r = await runScenario(source, { threads: ['a'], tracing: true });
    const primitive = lineIn(source, 'primitive without await');
    const helper = lineIn(source, 'helper without await');
    expect(r.verdict).toBe('OK');
    expect(r.exports.log).toEqual(['a']);
    expect(r.notes).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`Event\\.set\\(\\) at scenario\\.ts:${primitive} was not awaited`))]));
    expect(r.notes).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`scenario\\.ts:${helper}\\b[^\\n]*not awaited`))]));
  });

  test('`interleave run --replay TOKEN` prints the seed and strategy recorded in the token, not the default seed', () => {
    const bin = path.join(ROOT, 'bin', 'interleave.js');
    if (!fs.existsSync(path.join(ROOT, 'dist', 'harness', 'cli', 'main.js'))) throw new Error('run `npm run build` before this test');
    const file = solution('foobar', 'deadlock/course_two_events.ts');
    const run = (...args: string[]): { status: number | null; stdout: string } => {
      const r = spawnSync(process.execPath, [bin, 'run', 'foobar', file, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
      return { status: r.status, stdout: r.stdout };
    };
    const first = JSON.parse(run('--json', '--seed', '7').stdout) as ProblemResult;
    expect(first.verdict).toBe('DL');
    const token = first.replay!;
    const strategy = decodeToken(token).strategy;
    expect(strategy).toBe(firstFailure(first).strategy);

    const replayed = run('--replay', token);
    expect(replayed.status).toBe(1);
    expect(replayed.stdout).toMatch(/\bseed 7\b/);
    expect(replayed.stdout).not.toMatch(/\bseed 1\b/);
    expect(replayed.stdout).toContain(strategy);
  });
});
