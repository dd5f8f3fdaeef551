/**
 * What learner code reads of a stack, in a real sandbox worker (the CLI): its own frames at its own
 * lines, and nothing of the judge: no judge frame, no path of this machine, no generated line. The
 * judge still reads the engine's stacks: the rows' lines and the run-time error's site are right.
 */
import * as path from 'node:path';
import type { ProblemResult } from '../../harness/model/result';
import { finished, startInterleave } from '../support/cli';
import { ROOT, fixture } from './support';

let result: ProblemResult;

beforeAll(async () => {
  const out = await finished(startInterleave(['run', 'foobar', fixture('foobar', 'prints-stacks'), '--json', '--seed', '2'], ROOT, process.env));
  result = JSON.parse(out.stdout) as ProblemResult;
}, 120_000);

function printed(): string[] {
  const failure = result.cases.find((c) => c.failure)!.failure!;
  return failure.trace.filter((t) => t.kind === 'note' && t.text.startsWith('console.')).map((t) => t.text);
}

test('a stack, a printed error and console.trace read in the learner file\'s lines only', () => {
  expect(printed()).toEqual([
    expect.stringMatching(/^console\.log: Error: probe\n {4}at .*\(prints-stacks\.ts:11:\d+\)/),
    expect.stringMatching(/^console\.error: parse failed: SyntaxError: .*JSON.*\n {4}at .*\(prints-stacks\.ts:13:\d+\)/),
    expect.stringMatching(/^console\.trace: Trace: here\n {4}at .*\(prints-stacks\.ts:17:\d+\)/),
  ]);
  for (const text of printed()) {
    expect(text).not.toContain(ROOT);
    expect(text).not.toContain(path.sep + 'dist' + path.sep);
    expect(text).not.toMatch(/interleave-learner|judge-runner|Runtime\.|node:internal/);
    // Every frame is the learner's file.
    for (const line of text.split('\n').slice(1)) expect(line).toMatch(/^ {4}at (.* \()?prints-stacks\.ts:\d+:\d+\)?$/);
  }
});

test('the judge still maps its own reading: rows at their lines, the throw at its line', () => {
  const failure = result.cases.find((c) => c.failure)!.failure!;
  expect([result.verdict, failure.message]).toEqual(['RTE', 'bar() threw Error: done in thread bar (at prints-stacks.ts:31)']);
  expect(failure.stack).toMatch(/^Error: done\n {4}at .*\(prints-stacks\.ts:31:\d+\)$/);
  const acquire = failure.trace.find((t) => t.text.includes('this.fooTurn.acquire()'));
  expect(acquire?.site).toMatchObject({ file: 'prints-stacks.ts', line: 19 });
});
