/**
 * Python files in a class: `interleave grade` finds `FooBar.py` as it finds `FooBar.ts`, judges it
 * in its own process, and reports it with the same results, traces and replay tokens; and the
 * replay command printed for a Python failure reproduces it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ClassResults } from '../../harness/model/class-results';
import type { ProblemResult } from '../../harness/model/result';
import { finished, ROOT, startInterleave } from '../support/cli';

const solution = (rel: string): string => path.join(ROOT, 'problems', rel);

describe('a class with Python submissions', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'il-pyclass-'));
  let results: ClassResults;
  beforeAll(async () => {
    const put = (student: string, file: string, from: string): void => {
      mkdirSync(path.join(root, 'class', student), { recursive: true });
      copyFileSync(solution(from), path.join(root, 'class', student, file));
    };
    put('ann', 'FooBar.py', 'foobar/solutions/deadlock/course_two_events.py');
    put('ann', 'Foo.py', 'print-in-order/solutions/accepted/course_condition.py');
    put('ben', 'FakeDatabase.py', 'race-counter/solutions/wrong_answer/course_without_lock.py');
    put('ben', 'FooBar.ts', 'foobar/solutions/accepted/semaphores.ts');
    // A hostile student between them, graded by the same worker: it must harm nobody else.
    mkdirSync(path.join(root, 'class', 'eve'), { recursive: true });
    const hostile = (body: string) => `class Foo:\n    def first(self, p):\n${body}\n\n    def second(self, p):\n        p()\n\n    def third(self, p):\n        p()\n`;
    writeFileSync(path.join(root, 'class', 'eve', 'Foo.py'), hostile("        x = []\n        while True:\n            x.append(bytes(1 << 20))"));
    writeFileSync(path.join(root, 'class', 'eve', 'FooBar.py'), 'import os\n\n\nclass FooBar:\n    def __init__(self, n):\n        os._exit(0)\n\n    def foo(self, p):\n        pass\n\n    def bar(self, p):\n        pass\n');
    const out = await finished(startInterleave(['grade', 'class', '--out', 'out', '--workers', '1'], root, process.env));
    expect(out.code).toBe(0);
    results = JSON.parse(readFileSync(path.join(root, 'out', 'results.json'), 'utf8')) as ClassResults;
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const result = (student: string, problem: string): ProblemResult =>
    results.students.find((s) => s.student === student)!.problems.find((p) => p.problem === problem)!;

  test('each Python file gets the verdict it deserves, beside a TypeScript one', () => {
    expect(result('ann', 'foobar').verdict).toBe('DL');
    expect(result('ann', 'print-in-order').verdict).toBe('AC');
    expect(result('ben', 'race-counter').verdict).toBe('WA');
    expect(result('ben', 'foobar').verdict).toBe('AC');
  });

  test('a hostile student gets clear verdicts (a memory bomb MLE, os._exit RTE) and changes no other verdict', () => {
    expect(result('eve', 'print-in-order').verdict).toBe('MLE');
    const exited = result('eve', 'foobar');
    expect(exited.verdict).toBe('RTE');
    expect(exited.cases.find((c) => c.failure)?.failure?.message ?? exited.error?.message).toMatch(/exit status 0|ended the Python process/);
  });

  test('a Python failure has a trace at the learner’s .py lines, objects by name, and a token that replays it', async () => {
    const r = result('ann', 'foobar');
    const failure = r.cases.find((c) => c.failure)!.failure!;
    expect(failure.trace.some((t) => t.site?.file === 'FooBar.py')).toBe(true);
    expect(failure.blocked?.[0].waitsIn).toMatch(/^self\.\w+(\[\d\])?\.wait\(\)$/);
    const again = await finished(startInterleave(['run', 'foobar', path.join('class', 'ann', 'FooBar.py'), '--replay', failure.replay, '--json'], root, process.env));
    const replayed = JSON.parse(again.stdout) as ProblemResult;
    expect(replayed.verdict).toBe('DL');
    expect(replayed.cases[0].failure!.trace.map((t) => t.text)).toEqual(failure.trace.map((t) => t.text));
  }, 120_000);
});
