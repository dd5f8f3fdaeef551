import * as fs from 'node:fs';
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { ReplayTokenError, decodeToken, encodeToken } from '../../harness/judge/replay-token';
import { UnknownStrategyError } from '../../harness/strategies/registry';
import type { ProblemResult } from '../../harness/model/result';

const FILE = path.join(__dirname, '..', '..', 'problems', 'foobar', 'solutions', 'deadlock', 'course_two_events.ts');

/** What must not change between two judgings: everything but the wall-clock figures. */
function withoutTimings(r: ProblemResult): unknown {
  return {
    ...r,
    timeMs: undefined,
    cases: r.cases.map((c) => ({ ...c, timeMs: undefined, explored: { ...c.explored, runMs: undefined } })),
  };
}

let first: ProblemResult;
let second: ProblemResult;

beforeAll(async () => {
  first = await judgeFile('foobar', FILE, { seed: 7 });
  second = await judgeFile('foobar', FILE, { seed: 7 });
});

test('the course FooBar with two Events is judged a deadlock, with a replay token', () => {
  expect(first.verdict).toBe('DL');
  expect(first.replay).toMatch(/^IL3\./);
  const failed = first.cases.find((c) => c.verdict !== 'AC')!;
  expect(failed.failure!.reproduced).toBe(true);
  expect(failed.failure!.trace.length).toBeGreaterThan(0);
});

test('the same file and seed give the same verdict, trace and replay token twice', () => {
  expect(second.verdict).toBe(first.verdict);
  expect(second.replay).toBe(first.replay);
  expect(second.cases.map((c) => c.failure?.trace)).toEqual(first.cases.map((c) => c.failure?.trace));
  expect(withoutTimings(second)).toEqual(withoutTimings(first));
});

test('replaying the token of a failure reproduces the identical run', async () => {
  const failed = first.cases.find((c) => c.verdict !== 'AC')!.failure!;
  const replayed = await judgeFile('foobar', FILE, { replay: first.replay });
  expect(replayed.verdict).toBe(failed.verdict);
  expect(replayed.cases).toHaveLength(1);
  const again = replayed.cases[0].failure!;
  expect(again.trace).toEqual(failed.trace);
  expect(again.message).toBe(failed.message);
  expect(again.blocked).toEqual(failed.blocked);
  expect(again.startOrder).toEqual(failed.startOrder);
  expect(again.steps).toBe(failed.steps);
  expect(again.reproduced).toBe(true);
  const { strategy: _how, ...run } = decodeToken(again.replay);
  const { strategy: _found, ...original } = decodeToken(first.replay!);
  expect(run).toEqual(original);
});

test('replaying a token against a changed file says the file changed', async () => {
  const source = fs.readFileSync(FILE, 'utf8').replace('private readonly events', 'private readonly unused = 0;\n  private readonly events');
  const replayed = await judgeFile('foobar', FILE, { replay: first.replay, source });
  const notes = replayed.cases[0].failure?.notes ?? [];
  expect(notes[0]).toBe('The file changed since this token was made: the replay may differ from the original run.');
});

test('a token made for another problem is refused with a ReplayTokenError', async () => {
  const other = path.join(__dirname, '..', '..', 'problems', 'print-in-order', 'template.ts');
  await expect(judgeFile('print-in-order', other, { replay: first.replay })).rejects.toThrow(ReplayTokenError);
  await expect(judgeFile('print-in-order', other, { replay: first.replay })).rejects.toThrow(
    'this replay token is for problem "foobar", not "print-in-order"',
  );
});

test('a damaged token is refused with a ReplayTokenError', async () => {
  await expect(judgeFile('foobar', FILE, { replay: first.replay!.slice(0, 20) })).rejects.toThrow(ReplayTokenError);
});

test('a failure points at the learner line: where a deadlocked thread waits, where an exception was thrown', async () => {
  const failure = first.cases.find((c) => c.failure)!.failure!;
  expect(failure.site).toEqual(failure.blocked!.find((b) => b.site)!.site);
  expect(failure.site!.file).toBe('course_two_events.ts');

  const rteFile = path.join(__dirname, '..', '..', 'problems', 'foobar', 'solutions', 'run_time_error', 'bounded_semaphore_zero.ts');
  const rte = (await judgeFile('foobar', rteFile)).cases.find((c) => c.failure)!.failure!;
  const thrownAt = fs.readFileSync(rteFile, 'utf8').split('\n').findIndex((l) => /^\s+await this\.\w+\.release\(\)/.test(l)) + 1;
  expect(rte.site).toMatchObject({ file: 'bounded_semaphore_zero.ts', line: thrownAt });
});

describe('a forged token is the caller’s mistake, never a verdict of the file', () => {
  const ACCEPTED = path.join(__dirname, '..', '..', 'problems', 'foobar', 'solutions', 'accepted', 'semaphores.ts');
  const forged = (change: object): string => encodeToken({ ...decodeToken(first.replay!), ...change });

  test.each([
    ['a start order naming a thread the case lacks', { order: [0, 7] }, /start order \[0, 7\] is not an order of case .*'s 2 threads/],
    ['a start order naming a thread twice', { order: [1, 1] }, /start order \[1, 1\] is not an order/],
    ['a negative budget', { budget: -1 }, /step budget -1 is not between 1 and case/],
    ['a budget above the problem’s', { budget: 10 ** 9 }, /step budget 1000000000 is not between 1 and case/],
    ['a case the problem lacks', { caseIndex: 99 }, /names case 100, which problem "foobar" does not have/],
  ])('%s: ReplayTokenError', async (_, change, message) => {
    await expect(judgeFile('foobar', ACCEPTED, { replay: forged(change) })).rejects.toThrow(ReplayTokenError);
    await expect(judgeFile('foobar', ACCEPTED, { replay: forged(change) })).rejects.toThrow(message);
  });

  test('a token with fewer decisions than the run needs still replays a legal run of a correct file: AC', async () => {
    const r = await judgeFile('foobar', ACCEPTED, { replay: forged({ decisions: [] }) });
    expect(r.verdict).toBe('AC');
  });
});

describe('strategies', () => {
  const ACCEPTED = path.join(__dirname, '..', '..', 'problems', 'foobar', 'solutions', 'accepted', 'semaphores.ts');

  test('an unknown strategy through the API is an UnknownStrategyError naming the valid ones, not an AC', async () => {
    const judging = judgeFile('foobar', ACCEPTED, { strategy: 'pcr' as never });
    await expect(judging).rejects.toThrow(UnknownStrategyError);
    await expect(judgeFile('foobar', ACCEPTED, { strategy: 'pcr' as never })).rejects.toThrow(
      'unknown strategy "pcr": the strategies are portfolio, random, pct, dfs, fifo (did you mean pct?)',
    );
  });

  test('a case that explored no schedule is a judge error, never AC', async () => {
    const r = await judgeFile('foobar', ACCEPTED, { schedules: 0 });
    expect(r.verdict).toBe('JE');
    expect(r.score).toBe(0);
    expect(r.cases.every((c) => c.verdict === 'JE' && c.explored.schedules === 0)).toBe(true);
    expect(r.error?.message).toMatch(/^the judge ran no schedule of case .*so it cannot accept the file: this is the judge's fault/);
  });
});

test('a learner that throws a Proxy whose every trap throws gets RTE with a fair message', async () => {
  const file = path.join(__dirname, '..', 'grade', 'fixtures', 'class', 'throw-proxy', 'Foo.ts');
  const r = await judgeFile('print-in-order', file);
  expect(r.verdict).toBe('RTE');
  const failure = r.cases.find((c) => c.failure)!.failure!;
  expect(failure.message).toMatch(/^first\(\) threw a Proxy object \(the judge does not look inside a thrown Proxy; throw an Error instead\)/);
});
