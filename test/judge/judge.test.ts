import * as fs from 'node:fs';
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { ReplayTokenError, decodeToken } from '../../harness/judge/replay-token';
import type { ProblemResult } from '../../harness/judge/result';

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
  expect(first.replay).toMatch(/^IL1\./);
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
