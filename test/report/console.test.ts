import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import type { Failure, ProblemResult, TraceStep } from '../../harness/model/result';
import { formatClassSummary, formatRunResult } from '../../harness/report/console';
import { classResults, dlFailure } from './fixtures';

const ESC = '\u001b[';
const byStudent = (name: string, problem: string): ProblemResult =>
  classResults.students.find((s) => s.student === name)!.problems.find((p) => p.problem === problem)!;

describe('formatRunResult', () => {
  test.each([
    ['an accepted file', 'ada', 'foobar'],
    ['a wrong answer: trace in columns, first difference, notes, replay', 'ben', 'print-in-order'],
    ['a deadlock: blocked threads and where each waits', 'cleo', 'foobar'],
    ['a run-time error: the stack', 'dev', 'pipeline'],
    ['a compile error: the message and the code frame', 'eve', 'foobar'],
  ])('%s', (_, student, problem) => {
    expect(formatRunResult(byStudent(student, problem), { color: false })).toMatchSnapshot();
  });

  test('has no escape codes without colour, and colours the verdict with it', () => {
    const pr = byStudent('cleo', 'foobar');
    expect(formatRunResult(pr, { color: false })).not.toContain(ESC);
    expect(formatRunResult(pr, { color: true })).toContain(`${ESC}1m${ESC}35mDL deadlock${ESC}39m${ESC}22m`);
  });

  test('neutralises control characters from learner output and quotes the replay command for a shell', () => {
    const text = formatRunResult(classResults.students[5].problems[0], { color: false });
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(text).toContain('actual    <b>foo</b>⏎�bar');
    expect(text).toContain(`--replay 'v1.foobar.it'\\''s$HOME'`);
    expect(text).toContain('replay did NOT reproduce it');
  });

  test('neutralises the marks that reorder text and C1 controls in learner text', () => {
    const pr = classResults.students[5].problems[0];
    const failure = { ...pr.cases[0].failure!, actual: 'ab\u202Edc\u2066x\u009B31m' };
    const text = formatRunResult({ ...pr, cases: [{ ...pr.cases[0], failure }] }, { color: false });
    expect(text).toContain('actual    ab�dc�x�31m');
  });

  describe('a long trace', () => {
    const steps: TraceStep[] = Array.from({ length: 120 }, (_, i) => ({ step: i + 1, thread: i % 2, kind: 'op', text: `Lock.acquire() #${i + 1}`, site: { file: 'FooBar.ts', line: 10 + (i % 2) } }));
    // As the judge keeps a long run: its beginning, a row saying what it left out, its end.
    steps.splice(60, 0, { step: 60, thread: 0, kind: 'note', text: '… 4880 trace rows left out …' });
    const failure: Failure = { ...dlFailure, trace: steps, steps: 5000 };
    const pr: ProblemResult = { ...byStudent('cleo', 'foobar'), cases: [{ ...byStudent('cleo', 'foobar').cases[1], failure }] };

    test('shows its last 40 steps and says how many it hides', () => {
      const text = formatRunResult(pr, { color: false });
      // Not "the trace shows its beginning": here it does not (a red team read it so).
      expect(text).toContain('(the run took 5,000 steps; below, its last rows; --full-trace shows its beginning too)');
      expect(text).toContain('… 81 earlier rows not shown\n');
      expect(text).toMatch(/^ +81› {2}Lock\.acquire\(\) #81/m);
      expect(text).not.toMatch(/^ +80 /m);
    });

    test('shows every kept step with fullTrace', () => {
      const text = formatRunResult(pr, { color: false, fullTrace: true });
      expect(text).toContain('(the run took 5,000 steps; the trace shows its beginning and its end)');
      expect(text).not.toContain('earlier rows not shown');
      expect(text).toMatch(/^ +1 {3}Lock\.acquire\(\) #1 /m);
    });
  });

  test('falls back to one line per step when the lanes do not fit the width', () => {
    const text = formatRunResult(byStudent('dev', 'pipeline'), { color: false, width: 60 });
    expect(text).toContain('    11   [consumer-2]  Lock.release() → throws RuntimeError  Pipeline.ts:33');
  });
});

describe('formatClassSummary', () => {
  test('a row per student, a column per problem, totals and pass rates', () => {
    expect(formatClassSummary(classResults, { color: false })).toMatchSnapshot();
  });

  test('numbers the problem columns with a legend when ids would be too wide', () => {
    const text = formatClassSummary(classResults, { color: false, width: 50 });
    expect(text).toMatch(/^student +P1 +P2 +P3 +total$/m);
    expect(text).toContain('P1 print-in-order · P2 foobar · P3 pipeline');
  });
});

test('names that look alike are told apart: a space at an end and a decomposed accent are quoted, a right-to-left mark is shown', () => {
  const names = ['v1', 'v1 ', 'café', 'cafe\u0301', 'rtl\u202eevil'];
  const base = classResults.students[0];
  const text = formatClassSummary({ ...classResults, students: names.map((student) => ({ ...base, student })) }, { color: false });
  const firsts = text.split('\n').map((l) => l.split(/\s{2,}/)[0]);
  for (const shown of ['v1', '"v1 "', 'café', '"cafe\u0301"', 'rtl\ufffdevil']) expect(firsts).toContain(shown);
});

describe('a replay is one run, not a verdict on the file', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const racy = [
    "import { sleep } from 'interleave/sync';",
    'export class FakeDatabase {',
    '  value = 0;',
    '  async update(name: number) { const v = this.value; await sleep(name); this.value = v + 1; }',
    '}',
  ].join('\n');
  const fixed = racy.replace('const v = this.value; await sleep(name); this.value = v + 1;', 'await sleep(name); this.value += 1;');

  test('a token that no longer fails the edited file says so, and that one run gives no points', async () => {

    const file = path.join(ROOT, 'not-on-disk/FakeDatabase.ts');
    const found = await judgeFile('race-counter', file, { source: racy, seed: 1 });
    expect(found.verdict).toBe('WA');
    const replayed = await judgeFile('race-counter', file, { source: fixed, replay: found.replay! });
    expect(replayed.replayed).toEqual({ fileChanged: true });
    const text = formatRunResult(replayed, { color: false });
    expect(text.split('\n')[1]).toMatch(/^AC {2}the replayed run passed {2}seed 1/);
    expect(text).not.toMatch(/points/);
    expect(text).toContain('The interleaving in this token no longer fails the file (the file changed since the token was made).');
    expect(text).toContain('run without --replay to judge the file');
    // The same token on the file it was made for fails again, and says it is a replay.
    const again = formatRunResult(await judgeFile('race-counter', file, { source: racy, replay: found.replay! }), { color: false });
    expect(again.split('\n')[1]).toMatch(/^WA {2}the replayed run failed: wrong answer/);
  });
});

test('a run that failed before its result was read shows what was expected and says the actual was not read', () => {
  const pr = JSON.parse(JSON.stringify(byStudent('ben', 'print-in-order'))) as ProblemResult;
  const f = pr.cases.find((c) => c.failure)!.failure!;
  Object.assign(f, { verdict: 'RTE', expected: '2' });
  delete f.actual;
  const text = formatRunResult({ ...pr, verdict: 'RTE' }, { color: false });
  expect(text).toMatch(/expected {2}2\n {2}actual {4}\(not read: the run failed before its result was\)/);
});
