/**
 * Checkers keep their state per run: `start(ctx)` makes a fresh check for every run, and the
 * first version's form (methods over the events so far) still works, seeing one run's events only.
 */
import { defineChecker, type CheckContext } from '../../harness/judge/checker';
import { allOf, exactOutput } from '../../harness/judge/checks';
import type { RunEvent } from '../../harness/model/events';
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { loadProblem } from '../../harness/judge/problems';

const ctx: CheckContext = { args: { n: 1 }, kindOf: () => 'foo', nameOf: (i) => `t${i}`, numberOf: () => 1, method: (m) => m, now: () => 0, idleTime: () => 0 };
const emit = (value: string, index: number): RunEvent => ({ kind: 'emit', thread: 1, callback: 'print', value, step: index, index });

test('each run starts with a fresh state: a short run does not inherit the output of the one before', () => {
  const checker = exactOutput(() => ['foo', 'bar']);
  const first = checker.start(ctx);
  expect(first.onEvent!(emit('foo', 0))).toBeNull();
  expect(first.onEvent!(emit('bar', 1))).toBeNull();
  expect(first.final!()).toBeNull();
  const second = checker.start(ctx);
  expect(second.onEvent!(emit('foo', 0))).toBeNull();
  expect(second.final!()).toBe('every thread returned, but only 1 of the 2 expected outputs was printed');
});

test('a checker of the first form sees only its own run’s events', () => {
  const legacy = defineChecker({ final: (events) => (events.length === 1 ? null : `saw ${events.length}`) });
  for (let run = 0; run < 3; run++) {
    const check = legacy.start(ctx);
    check.onEvent!(emit('x', 0));
    expect(check.final!()).toBeNull();
  }
});

test('allOf: the first failure wins, and a deadlock is explained by whichever check can', () => {
  const quiet = defineChecker({ start: () => ({ onEvent: () => null }) });
  const loud = defineChecker({ start: () => ({ onEvent: () => 'no', explainDeadlock: () => 'a cycle' }) });
  const check = allOf(quiet, loud).start(ctx);
  expect(check.onEvent!(emit('x', 0))).toBe('no');
  expect(check.explainDeadlock!([1])).toBe('a cycle');
});

test('exactOutput says what it joins the expected output with, and allOf passes it on, so what was printed is shown joined alike', async () => {
  const checker = exactOutput(() => ['1', '2', 'fizz'], ' ');
  const check = checker.start(ctx);
  check.onEvent!(emit('1', 0));
  check.onEvent!(emit('2', 1));
  expect(check.onEvent!(emit('4', 2))).toMatch(/as output #3/);
  expect(checker.expected!(ctx)).toBe('1 2 fizz');
  expect(checker.separator).toBe(' ');
  expect(allOf(exactOutput(() => ['a'], ', ')).separator).toBe(', ');
});

test.each([1, 2, 3])('seed %i: a fizz-buzz that prints past n shows its output spaced as the expected one, the difference at the extra word', async (seed) => {
  const r = await judgeFile('fizz-buzz', path.resolve(__dirname, '../../problems/fizz-buzz/solutions/wrong_answer/one_past_n.ts'), { seed });
  const f = r.cases.find((c) => c.failure)!.failure!;
  expect(f.expected).toBeDefined();
  expect(f.actual!.startsWith(f.expected!)).toBe(true);
  expect(f.actual!.slice(f.expected!.length)).toMatch(/^ \w+/);
});

test.each([1, 2, 3])('seed %i: pipeline: an overfilled buffer is told with the counts it rests on (a getMessage that races two gets loses a message)', async (seed) => {
  const source = [
    "import { Queue } from 'interleave/sync';",
    'export class Pipeline {',
    '  private q: Queue<string>;',
    '  constructor(capacity: number) { this.q = new Queue<string>(capacity); }',
    '  async setMessage(message: string) { await this.q.put(message); }',
    '  async getMessage(): Promise<string> { return Promise.race([this.q.get(), this.q.get()]); }',
    '}',
  ].join('\n');
  const r = await judgeFile('pipeline', path.resolve(__dirname, 'not-on-disk/Pipeline.ts'), { source, seed });
  expect(r.verdict).toBe('WA');
  const message = r.cases.find((c) => c.failure)!.failure!.message;
  const m = /held at least (\d+) messages \((\d+) setMessage\(\) calls? had returned, (\d+) getMessage\(\) calls? had started\), above its capacity/.exec(message);
  expect(m).not.toBeNull();
  expect(Number(m![1])).toBe(Number(m![2]) - Number(m![3]));
});

test("pipeline-shutdown's list of lost messages says when it is cut (it named 3 of 4 lost, as if that were all)", async () => {
  const { checker } = loadProblem('pipeline-shutdown');
  const check = checker.start({ ...ctx, args: { capacity: 2 } });
  const ev = (callback: string, value: string, index: number): RunEvent => ({ kind: 'emit', thread: 1, callback, value, step: index, index });
  for (let i = 1; i <= 5; i++) check.onEvent!(ev('nextMessage', `m${i}`, i));
  check.onEvent!(ev('store', 'm1', 6));
  check.onEvent!(ev('event.set', '', 7));
  expect(check.final!()).toBe('both threads returned, but 4 of the 5 messages produced were never stored: m2, m3, m4, …');
});

test("pipeline-shutdown's actual output counts a store that came out of order (it said 0 stored beside a trace that showed one)", async () => {
  const { checker } = loadProblem('pipeline-shutdown');
  const check = checker.start({ ...ctx, args: { capacity: 2 } });
  const ev = (callback: string, value: string, index: number): RunEvent => ({ kind: 'emit', thread: 1, callback, value, step: index, index });
  for (let i = 1; i <= 3; i++) check.onEvent!(ev('nextMessage', `m${i}`, i));
  expect(check.onEvent!(ev('store', 'm2', 4))).toMatch(/before "m1"/);
  expect(check.actual!()).toBe('3 produced (m1, m2, m3); stored in this order: m2');
});

test("dining-philosophers names the method as the file spells it, and says 'forks' for two", async () => {
  const { checker } = loadProblem('dining-philosophers');
  const ev = (e: Partial<RunEvent>): RunEvent => ({ thread: 1, step: 0, index: 0, ...e }) as RunEvent;
  for (const [method, spelled] of [['wantsToEat', 'wantsToEat'], ['wants_to_eat', 'wants_to_eat']]) {
    const check = checker.start({ ...ctx, args: { n: 1 }, numberOf: () => 1, method: () => spelled });
    expect(check.onEvent!(ev({ kind: 'emit', value: 'pickLeft' }))).toBeNull();
    expect(check.onEvent!(ev({ kind: 'emit', value: 'pickRight' }))).toBeNull();
    expect(check.onEvent!(ev({ kind: 'emit', value: 'eat' }))).toBeNull();
    expect(check.onEvent!(ev({ kind: 'emit', value: 'eat-done' }))).toBeNull();
    expect(check.onEvent!(ev({ kind: 'return', method: 'wantsToEat', value: undefined }))).toBe(`philosopher 0's ${method}() returned still holding forks 0 and 1`);
  }
});
