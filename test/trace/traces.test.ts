/**
 * Issue 11, "What must be true": traces a student can follow. Each test judges a real solution
 * (a problem package's own file, or a small inline one) with the real judge and asserts what the
 * student reads: rows where effects happened, objects by the learner's names, what was printed,
 * who last touched what a blocked thread waits on, the shortest failing schedule, folded loops,
 * one failure told once, and the line of a loop that never yields.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import type { CaseResult, Failure, ProblemResult, TraceStep } from '../../harness/model/result';
import { sameFailureText } from '../../harness/report/same-failure';
import { formatRunResult } from '../../harness/report/console';
import { swimlane } from '../../harness/report/swimlane';
import { finished, ROOT, startInterleave } from '../support/cli';

const SEEDS = [1, 2, 3];
const COURSE_FOOBAR = path.join(ROOT, 'problems/foobar/solutions/deadlock/course_two_events.ts');

function firstFailure(r: ProblemResult): Failure {
  const f = r.cases.find((c) => c.failure)?.failure;
  if (!f) throw new Error(`no failure in ${r.problem} (${r.verdict})`);
  return f;
}

function lineIn(text: string, marker: string): number {
  const hits = text.split('\n').flatMap((l, i) => (l.includes(marker) ? [i + 1] : []));
  if (hits.length !== 1) throw new Error(`marker ${JSON.stringify(marker)} is on ${hits.length} lines`);
  return hits[0];
}

describe("the course's two-Event FooBar, as its deadlock is shown", () => {
  test.each(SEEDS)('seed %i: the set that a clear erases stands before that clear, each row at the step of its effect', async (seed) => {
    const f = firstFailure(await judgeFile('foobar', COURSE_FOOBAR, { seed }));
    expect(f.verdict).toBe('DL');
    // Rows in the order effects happened.
    const steps = f.trace.map((t) => t.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    // The blocked thread waits on an Event whose last set, by the other thread, its own thread's
    // clear erased afterwards: the lost wake-up, readable in order.
    const stuck = f.blocked![0];
    const onIt = f.trace.filter((t) => t.object === stuck.object && t.kind !== 'block');
    const lastSet = onIt.map((t) => t.text).lastIndexOf(onIt.filter((t) => /\.set\(\)/.test(t.text)).at(-1)!.text);
    const erasing = onIt.slice(lastSet + 1).find((t) => /\.clear\(\)/.test(t.text));
    expect(erasing).toBeDefined();
    expect(f.threads[erasing!.thread]).not.toBe(f.threads[onIt[lastSet].thread]);
    expect(f.trace.indexOf(onIt[lastSet])).toBeLessThan(f.trace.indexOf(erasing!));
  });

  test("a set is drawn at the step it happened, before the wake-up it causes", async () => {
    const f = firstFailure(await judgeFile('foobar', COURSE_FOOBAR, { seed: 1 }));
    const wakes = f.trace.filter((t) => t.kind === 'wake' && t.object !== undefined);
    expect(wakes.length).toBeGreaterThan(0);
    for (const wake of wakes) {
      const cause = f.trace.slice(0, f.trace.indexOf(wake)).filter((t) => t.object === wake.object && /\.set\(\)/.test(t.text));
      expect(cause.length).toBeGreaterThan(0);
      expect(cause.at(-1)!.step).toBeLessThanOrEqual(wake.step);
    }
  });

  test('objects are named as the learner wrote them, in the trace and in the blocked list, with who last touched them', async () => {
    const source = fs.readFileSync(COURSE_FOOBAR, 'utf8');
    const f = firstFailure(await judgeFile('foobar', COURSE_FOOBAR, { seed: 1 }));
    const texts = f.trace.map((t) => t.text);
    expect(texts).toContain('this.events[0].set()');
    expect(texts.some((t) => /^this\.events\[1\]\.wait\(\) → /.test(t))).toBe(true);
    expect(texts.some((t) => t.startsWith('Event.'))).toBe(false);
    const b = f.blocked![0];
    expect(b.waitsIn).toMatch(/^this\.events\[\d\]\.wait\(\)$/);
    expect(b.lastTouches?.[0].text).toMatch(/^this\.events\[\d\]\.(set|clear)\(\)$/);
    expect(b.lastTouches?.[0].site?.line).toBeGreaterThan(0);
    // Printed so far, beside what a correct run prints.
    expect(f.actual).toMatch(/^(foobar)+(foo)?$/);
    const text = formatRunResult(await judgeFile('foobar', COURSE_FOOBAR, { seed: 1 }), { color: false, width: 140 });
    expect(text).toContain(`waits in ${b.waitsIn}`);
    expect(text).toMatch(/what (foo|bar) waits on was last touched by (foo|bar) at step \d+: this\.events/);
    expect(text).toContain('printed   foobar');
    expect(source).toContain('this.events[0].set()');
  });
});

test.each(SEEDS)('seed %i: a notify says whom it woke, and threads blocked on one Condition share one line on who last changed it', async (seed) => {
  const file = path.join(ROOT, 'problems/zero-even-odd/solutions/deadlock/notify_one.ts');
  const r = await judgeFile('zero-even-odd', file, { seed, stopAtFirstFailure: true });
  const f = firstFailure(r);
  expect(f.verdict).toBe('DL');
  expect(f.trace.some((t) => /^this\.condition\.notify\(\) → woke (zero|even|odd|nobody)$/.test(t.text))).toBe(true);
  // What the blocked threads wait on was last changed by a notify, not by somebody's wait.
  for (const b of f.blocked!) expect(b.lastTouches?.[0].text).not.toMatch(/\.wait\(/);
  const text = formatRunResult(r, { color: false, width: 140 });
  expect(text.match(/^ {4}what .* last touched by /gm)).toHaveLength(1);
});

describe('the shortest useful trace', () => {
  test.each(SEEDS)('seed %i: a failure is shown with no more switches than it was found with, and its token replays the run shown', async (seed) => {
    const r = await judgeFile('foobar', COURSE_FOOBAR, { seed });
    const f = firstFailure(r);
    if (f.shrunk) {
      expect(f.shrunk.switches).toBeLessThan(f.shrunk.originalSwitches);
      expect(f.steps).toBe(f.shrunk.steps);
    }
    expect(f.reproduced).toBe(true);
    const again = firstFailure(await judgeFile('foobar', COURSE_FOOBAR, { replay: f.replay }));
    expect(again.verdict).toBe(f.verdict);
    expect(again.trace.map((t) => t.text)).toEqual(f.trace.map((t) => t.text));
  });

  test.each(SEEDS)('seed %i: a wrong answer found after many switches (random schedules) is shown after fewer, and says so', async (seed) => {
    const file = path.join(ROOT, 'problems/zero-even-odd/solutions/wrong_answer/if_instead_of_while.ts');
    const r = await judgeFile('zero-even-odd', file, { seed, strategy: 'random' });
    const f = firstFailure(r);
    expect(f.verdict).toBe('WA');
    expect(f.shrunk).toBeDefined();
    expect(f.shrunk!.switches).toBeLessThan(f.shrunk!.originalSwitches);
    expect(f.reproduced).toBe(true);
    const text = formatRunResult(r, { color: false, width: 140 });
    expect(text).toContain(`shrunk to ${f.shrunk!.switches} switch`);
    // The token is of the run shown.
    const again = firstFailure(await judgeFile('zero-even-odd', file, { replay: f.replay }));
    expect(again.trace.map((t) => t.text)).toEqual(f.trace.map((t) => t.text));
  });

  test('a spinning loop is folded into one row per thread with how often it ran', async () => {
    const file = path.join(ROOT, 'problems/foobar/solutions/time_limit_exceeded/yield_spin_no_first_turn.ts');
    const f = firstFailure(await judgeFile('foobar', file, { seed: 1, stopAtFirstFailure: true }));
    expect(f.verdict).toBe('TLE');
    const folded = f.trace.filter((t: TraceStep) => (t.repeat ?? 1) >= 100);
    expect(folded.length).toBeGreaterThan(0);
    expect(folded[0].text).toBe('yieldThread()');
    expect(f.trace.length).toBeLessThan(40);
    const text = formatRunResult(await judgeFile('foobar', file, { seed: 1, stopAtFirstFailure: true }), { color: false, width: 140 });
    expect(text).toMatch(/yieldThread\(\) {2}× \d{3}/);
  });
});

test('what a solution logs is shown in its row, a line longer than 200 characters cut with … so it is never taken for the whole', async () => {
  const source = `export class FooBar {
  constructor(private n: number) {}
  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) printFoo();
  }
  async bar(printBar: () => void): Promise<void> {
    console.log('short line');
    console.log('x'.repeat(300));
    for (let i = 0; i < this.n; i++) printBar();
  }
}
`;
  const f = firstFailure(await judgeFile('foobar', 'Chatty.ts', { source, seed: 1, stopAtFirstFailure: true }));
  const notes = f.trace.filter((t) => t.kind === 'note' && t.text.startsWith('console.log: ')).map((t) => t.text);
  expect(notes).toEqual(['console.log: short line', `console.log: ${'x'.repeat(199)}…`]);
});

test('a logged error reads as Node prints it, with its lines in the learner file (JSON would print {})', async () => {
  const source = `export class FooBar {
  constructor(private n: number) {}
  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) printFoo();
  }
  async bar(printBar: () => void): Promise<void> {
    try {
      JSON.parse('{');
    } catch (e) {
      console.log('oops', e);
    }
    for (let i = 0; i < this.n; i++) printBar();
  }
}
`;
  const f = firstFailure(await judgeFile('foobar', 'Logs.ts', { source, seed: 1, stopAtFirstFailure: true }));
  const notes = f.trace.filter((t) => t.kind === 'note' && t.text.startsWith('console.log: ')).map((t) => t.text);
  expect(notes).toEqual([expect.stringMatching(/^console\.log: oops SyntaxError: .*JSON.*\n {4}at .*\(Logs\.ts:8:\d+\)(\n {4}at [^\n]*Logs\.ts:\d+:\d+\)?)*$/)]);
});

describe('the same failure once', () => {
  test('a compile error is one failure, not one row per case', async () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'il-ce-'));
    const file = path.join(dir, 'FooBar.ts');
    fs.writeFileSync(file, 'export class FooBar {\n  foo( {\n}\n');
    const r = await judgeFile('foobar', file).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
    expect(r.verdict).toBe('CE');
    const text = formatRunResult(r, { color: false, width: 120 });
    expect(text).toContain(`all ${r.cases.length} cases`);
    expect(text.match(/^ {2}CE /gm)?.length ?? 0).toBe(1);
  });

  test('cases that fail alike point to the first instead of repeating its trace; one whose numbers differ says its own', async () => {
    const file = path.join(ROOT, 'problems/foobar/solutions/time_limit_exceeded/yield_spin_no_first_turn.ts');
    const r = await judgeFile('foobar', file, { seed: 1 });
    const text = formatRunResult(r, { color: false, width: 140 });
    const failing = r.cases.filter((c) => c.failure);
    const first = failing[0];
    const own = failing.slice(1).filter((c) => c.failure!.message !== first.failure!.message);
    // The step budget of the largest case is larger: its message says so, and points to the first's trace.
    expect(own.length).toBeGreaterThan(0);
    expect(text.split('kept running').length - 1).toBe(1 + own.length);
    expect(text).toContain(`the same failure as case ${first.name}`);
    for (const c of own) expect(text).toContain(`TLE case ${c.name}: ${c.failure!.message.slice(0, 60)}`);
    expect(text).toContain(`(failed as case ${first.name} did: its trace is shown there)`);
    expect(text.split('a step runs one thread').length - 1).toBe(1);
  });

  test('a case that failed as a first one with no trace (stopped by a clock) does not point to a trace', () => {
    const kase = (name: string, message: string, replayed?: false): CaseResult => ({ name, failure: { verdict: 'TLE', message, ...(replayed === false ? { replayed } : {}) } }) as CaseResult;
    const other = kase('many calls', 'third ran for more than 3 s at Foo.py:17');
    expect(sameFailureText(other, kase('one call each', 'third ran for more than 3 s at Foo.py:16', false))).toBe('third ran for more than 3 s at Foo.py:17 (failed as case one call each did)');
    expect(sameFailureText(other, kase('one call each', 'third ran for more than 3 s at Foo.py:16'))).toBe(
      'third ran for more than 3 s at Foo.py:17 (failed as case one call each did: its trace is shown there)',
    );
  });
});

describe('a loop that never reaches a switch point', () => {
  const source = `export class FooBar {
  private turn = 0;
  constructor(private readonly n: number) {}
  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (this.turn !== 0) {} // SPIN-SYNC
      printFoo();
      this.turn = 1;
    }
  }
  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (this.turn !== 1) await null; // SPIN-AWAIT
      printBar();
      this.turn = 0;
    }
  }
}
`;

  test('a loop with no await is stopped and named by its line, long before the wall-clock limit', async () => {
    const sync = source.replace('await null; // SPIN-AWAIT', '{} // SPIN-AWAIT2');
    const t0 = Date.now();
    const r = await judgeFile('foobar', 'Spin.ts', { source: sync, seed: 1, stopAtFirstFailure: true });
    const f = firstFailure(r);
    expect(f.verdict).toBe('TLE');
    expect(f.message).toMatch(new RegExp(`the loop at Spin\\.ts:(${lineIn(sync, 'SPIN-SYNC')}|${lineIn(sync, 'SPIN-AWAIT2')}) in thread (foo|bar) went round 10,000,000 times without reaching a switch point`));
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test('a thread spinning on await null is shown at the line of its await, and its spin is a row of the trace', async () => {
    const awaits = source.replace('{} // SPIN-SYNC', 'await null; // SPIN-SYNC');
    const lines = `(${lineIn(awaits, 'SPIN-SYNC')}|${lineIn(awaits, 'SPIN-AWAIT')})`;
    for (const seed of SEEDS) {
      const f = firstFailure(await judgeFile('foobar', 'Spin.ts', { source: awaits, seed, stopAtFirstFailure: true }));
      expect(f.verdict).toBe('TLE');
      expect(f.message).toMatch(new RegExp(`at await null, Spin\\.ts:${lines}`));
      const spin = f.trace.filter((t) => t.text === 'await null' && (t.repeat ?? 1) > 1);
      expect(spin.length).toBeGreaterThan(0);
      expect(String(spin[0].site?.line)).toMatch(new RegExp(`^${lines}$`));
    }
  });

  test('in the contained judge (a sandbox worker under SES), the loop is named too, long before the wall clock', async () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'il-loop-'));
    const sync = source.replace('await null; // SPIN-AWAIT', '{} // SPIN-AWAIT2');
    fs.writeFileSync(path.join(dir, 'FooBar.ts'), sync);
    const t0 = Date.now();
    const out = await finished(startInterleave(['run', 'foobar', 'FooBar.ts', '--json'], dir, process.env));
    const r = JSON.parse(out.stdout) as ProblemResult;
    expect(r.verdict).toBe('TLE');
    expect(firstFailure(r).message).toMatch(/^the loop at FooBar\.ts:\d+ in thread (foo|bar) went round/);
    // The wall-clock limit is 10 s; a guarded loop stops in well under that, even in the sandbox.
    expect(Date.now() - t0).toBeLessThan(8000);
  });

  test('a learner who catches the stop gets nowhere: the run still ends as TLE', async () => {
    const catching = source.replace('while (this.turn !== 0) {} // SPIN-SYNC', 'for (;;) { try { while (this.turn !== 0) {} } catch (e) { Object.keys(e as object); } if (this.turn === 0) break; }');
    const f = firstFailure(await judgeFile('foobar', 'Spin.ts', { source: catching, seed: 1, stopAtFirstFailure: true }));
    expect(f.verdict).toBe('TLE');
  });

  test('lines of a run-time error inside a guarded loop still point at the learner’s column', async () => {
    const throwing = `export class FooBar {
  constructor(private readonly n: number) {}
  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) { const x: any = null; printFoo(); x.boom(); } // BOOM
  }
  async bar(printBar: () => void): Promise<void> {}
}
`;
    const r = await judgeFile('foobar', 'Boom.ts', { source: throwing, seed: 1, stopAtFirstFailure: true });
    const f = firstFailure(r);
    expect(f.verdict).toBe('RTE');
    const line = throwing.split('\n')[lineIn(throwing, 'BOOM') - 1];
    expect(f.site).toEqual({ file: 'Boom.ts', line: lineIn(throwing, 'BOOM'), column: line.indexOf('boom') + 1 });
  });
});

test('an endless loop at the top level of the file is TLE naming its line, not a crash of the judge', async () => {
  const source = 'let n = 0;\nwhile (true) { n++; } // TOP\nexport class FooBar { async foo() {} async bar() {} }\n';
  const r = await judgeFile('foobar', 'Top.ts', { source, seed: 1 });
  expect(r.verdict).toBe('TLE');
  expect(r.error?.message).toMatch(/^loading Top\.ts: the loop at Top\.ts:2 went round 10,000,000 times/);
});

test("an executor's own job queue leaves no rows: a worker's trace shows the learner's task, not the judge's job object", async () => {
  const file = path.join(ROOT, 'problems/web-crawler/solutions/wrong_answer/follows_other_hosts.ts');
  const f = firstFailure(await judgeFile('web-crawler', file, { seed: 1, stopAtFirstFailure: true }));
  expect(f.verdict).toBe('WA');
  const workers = f.threads.flatMap((name, i) => (name.startsWith('ThreadPoolExecutor-') ? [i] : []));
  expect(workers.length).toBeGreaterThan(0);
  const rows = f.trace.filter((t) => workers.includes(t.thread));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((t) => /Queue\.(get|put)\(|"state"|"args"/.test(t.text))).toEqual([]);
});

// A promise of the learner's own reaches the judge only after the generator of the async function
// stopped, with no stack to read: its rows had no line (await-sites.ts gives the await's).
test.each(SEEDS)("seed %i: a wait on the learner's own promise is shown at the line of its await", async (seed) => {
  const source = [
    'export class FooBar {',
    '  private turn: Array<() => void> = [];',
    '  constructor(private readonly n: number) {}',
    '  async foo(printFoo: () => void) {',
    '    for (let i = 0; i < this.n; i++) {',
    '      printFoo();',
    '      await new Promise<void>((resolve) => this.turn.push(resolve)); // foo waits',
    '    }',
    '  }',
    '  async bar(printBar: () => void) {',
    '    for (let i = 0; i < this.n; i++) {',
    '      const wake = this.turn.shift();',
    '      await Promise.resolve(); // bar waits',
    '      printBar();',
    '      wake?.();',
    '    }',
    '  }',
    '}',
  ].join('\n');
  const f = firstFailure(await judgeFile('foobar', path.join(ROOT, 'not-on-disk/own_promise.ts'), { source, seed }));
  const waits = f.trace.filter((t) => /await <promise>/.test(t.text));
  expect(waits.length).toBeGreaterThan(0);
  for (const row of waits) {
    expect(row.site?.file).toBe('own_promise.ts');
    expect([lineIn(source, '// foo waits'), lineIn(source, '// bar waits')]).toContain(row.site?.line);
  }
});

test('timer callbacks due at the same time run in order without a row of the judge’s own (it showed as an unexplained "start")', async () => {
  const source = [
    "import { Lock } from 'interleave/sync';",
    'export class TrafficLight {',
    '  private green = 1;',
    '  private lock = new Lock();',
    '  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void) {',
    '    this.lock.acquire();',
    '    if (this.green !== roadId) {',
    '      await new Promise<void>((r) => setTimeout(r, 0));',
    '      turnGreen();',
    '      this.green = roadId;',
    '    }',
    '    crossCar();',
    '    await this.lock.release();',
    '  }',
    '}',
  ].join('\n');
  for (const seed of SEEDS) {
    const f = firstFailure(await judgeFile('traffic-light', path.join(ROOT, 'not-on-disk/timers.ts'), { source, seed }));
    expect(f.trace.filter((t) => t.text === 'start')).toEqual([]);
  }
});

test.each(SEEDS)('seed %i: time that passes because every thread sleeps is a row of its own, with the time the clock reaches', async (seed) => {
  const source = [
    "import { sleep } from 'interleave/sync';",
    'export class Foo {',
    '  async first(printFirst: () => void) { await sleep(50); printFirst(); }',
    '  async second(printSecond: () => void) { await sleep(10); printSecond(); }',
    '  async third(printThird: () => void) { await sleep(100); printThird(); }',
    '}',
  ].join('\n');
  const f = firstFailure(await judgeFile('print-in-order', path.join(ROOT, 'not-on-disk/sleepers.ts'), { source, seed }));
  expect(f.verdict).toBe('WA');
  const passes = f.trace.filter((t) => /^time passes/.test(t.text));
  // The first wake-up comes at 10 ms, and only after a row says the clock got there.
  expect(passes.map((t) => t.text)).toContain('time passes: the clock reaches 10 ms');
  const firstWake = f.trace.findIndex((t) => /sleep\(10\)/.test(t.text) && t.kind !== 'block');
  // The sleeper's row says it slept: it reads as a second call of sleep() otherwise.
  expect(f.trace[firstWake].text).toBe('sleep(10) → slept');
  expect(f.trace.findIndex((t) => t.text === 'time passes: the clock reaches 10 ms')).toBeLessThan(firstWake);
  // Every step number shown is accounted for: no step is left out of the table.
  const steps = [...new Set(f.trace.map((t) => t.step))];
  expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => steps[0] + i));
});

describe("a Python queue that runs CPython's queue code (a subclass, LifoQueue) is shown by its parts, through the queue the line calls", () => {
  test.each(SEEDS)('seed %i: rows read self.buffer.mutex.acquire(), self.buffer.not_empty.notify(), never a bare Lock or Condition', async (seed) => {
    const file = path.join(ROOT, 'problems/pipeline/solutions/wrong_answer/queue_subclass_lifo.py');
    const f = firstFailure(await judgeFile('pipeline', file, { seed }));
    const texts = f.trace.map((t) => t.text);
    expect(texts).toContainEqual(expect.stringMatching(/^self\.buffer\.mutex\.acquire\(\) → acquired$/));
    expect(texts).toContainEqual(expect.stringMatching(/^self\.buffer\.not_empty\.notify\(\) → woke /));
    expect(texts.filter((t) => /^(waits in )?(Lock|Condition)\./.test(t))).toEqual([]);
  });

  test('threads blocked inside join() and get() wait in the queue’s all_tasks_done and not_empty, as the blocked list says', async () => {
    const source = [
      'import queue',
      '',
      'class Pipeline:',
      '    def __init__(self, capacity):',
      '        self.buffer = queue.LifoQueue(capacity)',
      '',
      '    def set_message(self, message):',
      '        self.buffer.put(message)',
      '        self.buffer.join()',
      '',
      '    def get_message(self):',
      '        return self.buffer.get()',
    ].join('\n');
    const f = firstFailure(await judgeFile('pipeline', path.join(ROOT, 'not-on-disk/join_without_task_done.py'), { source, seed: 1 }));
    expect(f.verdict).toBe('DL');
    const waits = f.blocked?.map((b) => b.waitsIn);
    expect(waits).toContain('self.buffer.all_tasks_done.wait()');
    expect(waits).toContain('self.buffer.not_empty.wait()');
  });
});

test.each(SEEDS)('seed %i: values shown in a trace are drawn without running their code: a toJSON that throws, a cycle, a BigInt (the traced replay threw and the file got JE)', async (seed) => {
  const source = [
    "import { Queue, Event, sleep, ThreadPoolExecutor } from 'interleave/sync';",
    'export class Foo {',
    '  private q = new Queue<unknown>();',
    '  private e = new Event();',
    '  private ex = new ThreadPoolExecutor(2);',
    '  async first(p: () => void) {',
    '    p();',
    '    const cyclic: Record<string, unknown> = { n: 1 };',
    '    cyclic.self = cyclic;',
    '    await sleep(5);',
    "    await this.q.put({ toJSON() { throw new Error('boom from toJSON'); } });",
    '    await this.q.put(cyclic);',
    '    await this.ex.submit(async (x: bigint) => x + 1n, 41n);',
    '  }',
    '  async second(p: () => void) { await this.q.get(); await this.q.get(); await this.e.set(); p(); }',
    '  async third(p: () => void) { await this.e.wait(); p(); } // may print before second: WA',
    '}',
  ].join('\n');
  const r = await judgeFile('print-in-order', path.join(ROOT, 'not-on-disk/values.ts'), { source, seed });
  expect(r.verdict).toBe('WA');
  const f = firstFailure(r);
  expect(f.reproduced).toBe(true);
  const gets = f.trace.filter((t) => /this\.q\.get\(\) → /.test(t.text)).map((t) => t.text);
  expect(gets).toEqual(['this.q.get() → {"toJSON":[a function toJSON]}', 'this.q.get() → {"n":1,"self":[a cycle]}']);
});

test.each(SEEDS)('seed %i: a thread notified and free to take its lock is drawn blocked no longer, before it runs (it stayed ┆ until its wake-up row)', async (seed) => {
  const f = firstFailure(await judgeFile('zero-even-odd', path.join(ROOT, 'problems/zero-even-odd/solutions/deadlock/notify_one.ts'), { seed }));
  const lane = swimlane(f);
  for (const [i, row] of lane.rows.entries()) {
    const woke = /→ woke (\w+)$/.exec(row.step.text)?.[1];
    if (!woke) continue;
    const k = lane.threads.indexOf(woke);
    // From the notify to the woken thread's own next row, its lane turns from blocked to ready once
    // the notifier lets the lock go, and never the other way unless another thread takes the lock.
    const after = lane.rows.slice(i + 1).findIndex((r) => r.lane === k);
    const states = lane.rows.slice(i + 1, after < 0 ? undefined : i + 1 + after).map((r) => r.lanes[k]);
    if (states.length > 1 && after >= 0) expect(states).toContain('ready');
  }
  // A mark is never a row of its own.
  expect(lane.rows.every((r) => r.step.kind !== 'ready' && r.step.kind !== 'stalled')).toBe(true);
  expect(f.trace.some((t) => t.kind === 'ready')).toBe(true);
});

test.each(SEEDS)('seed %i: an acquire with a .then attached and not awaited is shown pending while its thread goes on, not as the thread waiting', async (seed) => {
  const source = [
    "import { Semaphore } from 'interleave/sync';",
    'export class ZeroEvenOdd {',
    '  z = new Semaphore(1); o = new Semaphore(0); e = new Semaphore(0);',
    '  constructor(private n: number) {}',
    '  async zero(printNumber: (x: number) => void) {',
    '    for (let i = 1; i <= this.n; i++) { await this.z.acquire(); printNumber(0); await (i % 2 ? this.o : this.e).release(); }',
    '  }',
    '  async odd(printNumber: (x: number) => void) {',
    '    for (let i = 1; i <= this.n; i += 2) { await this.o.acquire(); printNumber(i); await this.z.release(); }',
    '  }',
    '  async even(printNumber: (x: number) => void) {',
    '    for (let i = 2; i <= this.n; i += 2) { this.e.acquire().then(() => {}); printNumber(i); await this.z.release(); }',
    '  }',
    '}',
  ].join('\n');
  const f = firstFailure(await judgeFile('zero-even-odd', path.join(ROOT, 'not-on-disk/then_not_awaited.ts'), { source, seed }));
  expect(f.verdict).toBe('WA');
  const even = f.threads.indexOf('even');
  const rows = f.trace.filter((t) => t.thread === even).map((t) => t.text);
  expect(rows).toContain('this.e.acquire() pending: a .then waits for it, and even goes on without it');
  expect(rows.some((t) => /^waits in this\.e\.acquire\(\)/.test(t))).toBe(false);
});

test.each(SEEDS)('seed %i: a deadlock on a lock whose taker returned without releasing it says so', async (seed) => {
  const f = firstFailure(await judgeFile('traffic-light', path.join(ROOT, 'problems/traffic-light/solutions/deadlock/release_only_after_turn.ts'), { seed }));
  expect(f.verdict).toBe('DL');
  const said = (f.blocked ?? []).flatMap((b) => b.lastTouches ?? []).map((t) => t.text);
  expect(said).toContainEqual(expect.stringMatching(/^this\.lock\.acquire\(\) → acquired, then carArrived\(\) returned at step \d+, still holding it$/));
});

test.each(SEEDS)('seed %i: one name for two objects (locks taken in opposite orders through locals) says which object each row is', async (seed) => {
  const source = [
    "const { Lock } = require('interleave/sync');",
    'class FakeDatabase {',
    '  constructor() { this.value = 0; this.readLock = new Lock(); this.writeLock = new Lock(); }',
    '  async update(name) {',
    '    const [a, b] = name % 2 ? [this.readLock, this.writeLock] : [this.writeLock, this.readLock];',
    '    await a.acquire();',
    '    await b.acquire();',
    '    this.value += 1;',
    '    await b.release();',
    '    await a.release();',
    '  }',
    '}',
    'module.exports = { FakeDatabase };',
  ].join('\n');
  const f = firstFailure(await judgeFile('race-counter', path.join(ROOT, 'not-on-disk/FakeDatabase.js'), { source, seed }));
  expect(f.verdict).toBe('DL');
  // Each blocked thread waits in `b` and the other holds it as `a`: the same object, said so.
  for (const b of f.blocked ?? []) {
    const tag = /^b\.acquire\(\) \[(Lock #\d+)\]$/.exec(b.waitsIn)?.[1];
    expect(tag).toBeDefined();
    expect(b.lastTouches?.[0].text).toBe(`a.acquire() [${tag}] → acquired`);
  }
  // A name that stands for one object only is left as it is.
  const plain = firstFailure(await judgeFile('foobar', COURSE_FOOBAR, { seed }));
  expect(plain.trace.some((t) => /\[\w+ #\d+\]/.test(t.text))).toBe(false);
});

test.each(SEEDS)('seed %i: a clear that erased a set, both by one thread, is told with the set before it (only the clear was)', async (seed) => {
  const f = firstFailure(await judgeFile('print-in-order', path.join(ROOT, 'problems/print-in-order/solutions/deadlock/event_pulse.ts'), { seed }));
  expect(f.verdict).toBe('DL');
  const waitingOnGo = (f.blocked ?? []).find((b) => b.waitsIn === 'this.go.wait()');
  expect(waitingOnGo?.lastTouches?.map((t) => t.text)).toEqual(['this.go.clear()', 'this.go.set()']);
  const [clear, set] = waitingOnGo!.lastTouches!;
  expect(set.step).toBeLessThan(clear.step);
});

test.each(SEEDS)('seed %i: a thread joined as `t` is tagged after its call, not inside the word "waits"', async (seed) => {
  // `t` names each worker in turn, so each join row says which thread it is; the tag went in at
  // the first "t" of the row: `wait [Thread #2]s in t.join()`.
  const source = [
    "import { Thread } from 'interleave/sync';",
    'interface HtmlParser { getUrls(url: string): Promise<string[]>; }',
    'export class Solution {',
    '  async crawl(startUrl: string, htmlParser: HtmlParser): Promise<string[]> {',
    '    const seen = [startUrl];',
    '    const ts = [0, 1].map(() => new Thread({ target: async () => { await htmlParser.getUrls(startUrl); } }));',
    '    for (const t of ts) await t.start();',
    '    for (const t of ts) await t.join();',
    '    return seen.slice(1); // wrong: drops the start URL',
    '  }',
    '}',
  ].join('\n');
  const f = firstFailure(await judgeFile('web-crawler', path.join(ROOT, 'not-on-disk/Solution.ts'), { source, seed }));
  const joins = f.trace.map((t) => t.text).filter((t) => t.includes('join'));
  expect(joins.length).toBeGreaterThan(0);
  for (const text of joins) expect(text).toMatch(/^(waits in )?t\.join\(\) \[Thread #\d+\]/);
});

describe.each([
  ['TypeScript', 'problems/h2o/solutions/wrong_answer/barrier_only.ts', undefined],
  [
    'Python',
    'not-on-disk/H2O.py',
    'import threading\nclass H2O:\n    def __init__(self):\n        self.molecule = threading.Barrier(3)\n    def hydrogen(self, releaseHydrogen):\n        self.molecule.wait()\n        releaseHydrogen()\n    def oxygen(self, releaseOxygen):\n        self.molecule.wait()\n        releaseOxygen()\n',
  ],
])('a barrier in %s', (_language, file, source) => {
  test.each(SEEDS)('seed %i: the thread that opens it has a row at its arrival, before anyone passes', async (seed) => {
    // The last party's wait() was traced only when it ran again, which may be after the others
    // passed, or never: they passed with two of three arrivals in sight.
    const f = firstFailure(await judgeFile('h2o', path.join(ROOT, file), { seed, ...(source === undefined ? {} : { source }) }));
    const texts = f.trace.map((t) => t.text);
    const firstPass = texts.findIndex((t) => /molecule\.wait\(\) → passed/.test(t));
    const arrival = texts.findIndex((t) => /molecule\.wait\(\): the last of 3 to arrive, so all 3 pass$/.test(t));
    expect(firstPass).toBeGreaterThan(0);
    expect(arrival).toBeGreaterThanOrEqual(0);
    expect(arrival).toBeLessThan(firstPass);
  });
});
