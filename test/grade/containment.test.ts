/**
 * A class with correct, buggy and hostile students graded by the real CLI: every hostile file is
 * an otherwise-correct (or, where said, wrong) solution that also attacks the judge. Each student
 * must get the verdict the attack deserves, the grader must finish with exit 0, and nothing may be
 * written outside the output folder.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Verdict } from '../../harness/judge/result';
import { validateResults } from '../../harness/report/validate';
import type { ClassResults } from '../../harness/report/model';
import { classCopy, grade, ROOT, snapshotTree, type Finished } from './cli';

/** The verdict (or verdicts, where either is right) each student's print-in-order deserves. */
const EXPECTED: Record<string, Verdict | Verdict[]> = {
  alice: 'AC',
  bob: 'AC',
  carol: 'WA',
  dave: 'DL',
  erin: 'CE',
  'loop-at-load': 'TLE',
  'loop-in-thread': 'TLE',
  'microtask-loop': 'TLE',
  'microtask-chain': ['TLE', 'MLE'],
  'heap-bomb': 'MLE',
  'buffer-bomb': 'MLE',
  'process-exit': 'RTE',
  'kill-self': 'RTE',
  'kill-parent': 'RTE',
  'read-peer-require': 'RTE',
  // A dynamic import() cannot even be evaluated under SES: refusing it at load is right too.
  'read-solution-import': ['RTE', 'CE'],
  'read-binding': 'RTE',
  'read-function-this': 'RTE',
  'read-constructor': 'RTE',
  'write-file': 'RTE',
  'spawn-process': 'RTE',
  'spawn-worker': 'RTE',
  'tamper-promise': 'AC',
  'tamper-array': 'WA',
  'tamper-json': 'AC',
  'fake-result': 'WA',
  'flood-stdout': 'OLE',
  'throw-in-ctor': 'RTE',
  'huge-error': 'RTE',
  network: 'RTE',
  // Made by the test (links do not survive copying the fixtures): imports that lead through a
  // symbolic link to a shipped solution, or to another student's file.
  'link-to-solution': 'CE',
  'link-to-peer': 'CE',
};

/** Students whose files re-export a class from `peer.ts`, a symbolic link to someone else's code. */
function addLinkingStudents(classDir: string): void {
  const links = {
    'link-to-solution': path.join(ROOT, 'problems', 'print-in-order', 'solutions', 'accepted', 'semaphores.ts'),
    'link-to-peer': path.join('..', 'alice', 'Foo.ts'),
  };
  for (const [student, target] of Object.entries(links)) {
    mkdirSync(path.join(classDir, student));
    writeFileSync(path.join(classDir, student, 'Foo.ts'), "export { Foo } from './peer';\n");
    symlinkSync(target, path.join(classDir, student, 'peer.ts'));
  }
}

const PWNED = ['/tmp/interleave-pwned.txt', '/tmp/interleave-pwned-spawn', '/tmp/interleave-pwned-worker'];

describe('interleave grade contains hostile submissions', () => {
  const work = classCopy('class');
  let run: Finished;
  let results: ClassResults;
  let before: { work: string[]; problems: string[] };

  beforeAll(async () => {
    addLinkingStudents(path.join(work.root, 'class'));
    before = {
      work: snapshotTree(work.root),
      problems: snapshotTree(path.join(ROOT, 'problems')),
    };
    run = await grade(['class', '--out', 'out', '--job-timeout', '5', '--memory', '128', '--workers', '2'], work.root);
    results = validateResults(JSON.parse(readFileSync(path.join(work.root, 'out', 'results.json'), 'utf8')));
  }, 240_000);
  afterAll(() => work.cleanup());

  test('the grader finishes with exit status 0 and writes every report', () => {
    expect({ code: run.code, signal: run.signal }).toEqual({ code: 0, signal: null });
    expect(readdirSync(path.join(work.root, 'out')).sort()).toEqual(
      ['.journal.jsonl', 'grades.csv', 'index.html', 'junit.xml', 'results.json'],
    );
  });

  test('every student appears exactly once', () => {
    const names = results.students.map((s) => s.student);
    expect(names).toEqual([...new Set(names)]);
    expect([...names].sort()).toEqual(readdirSync(path.join(work.root, 'class')).sort());
  });

  test.each(Object.entries(EXPECTED))('%s gets %s', (student, expected) => {
    const s = results.students.find((x) => x.student === student)!;
    expect(s.problems.map((p) => p.problem)).toEqual(['print-in-order']);
    const [result] = s.problems;
    const allowed: Verdict[] = Array.isArray(expected) ? expected : [expected];
    const why = result.error?.message ?? result.cases.find((c) => c.failure)?.failure?.message ?? '';
    // On failure this shows what the student got and why, not just two verdicts.
    expect(allowed.includes(result.verdict) ? allowed : `${result.verdict}: ${why}`).toEqual(allowed);
  });

  test('a link out of the submission’s folder is refused with a reason', () => {
    const message = results.students.find((s) => s.student === 'link-to-peer')!.problems[0].error?.message;
    expect(message).toMatch(/^Foo\.ts:1:\d+: import "\.\/peer" reaches outside the submission's folder/);
  });

  test('a killed job says why, in words a learner can act on', () => {
    const message = (student: string) => results.students.find((s) => s.student === student)!.problems[0].error?.message;
    expect(message('loop-at-load')).toMatch(/^Stopped after 5 s of wall-clock time, the limit for judging one file\. Most often the code never gave control back/);
    expect(message('buffer-bomb')).toMatch(/MB of memory \(limit \d+ MB, counting ArrayBuffers/);
    expect(message('heap-bomb')).toMatch(/JavaScript heap reached its limit of 128 MB|MB of memory/);
  });

  test('a student may submit any subset; other source files are listed as ignored', () => {
    const frank = results.students.find((s) => s.student === 'frank')!;
    expect(frank.problems.map((p) => [p.problem, p.verdict])).toEqual([['foobar', 'AC']]);
    expect(frank.ignored).toEqual(['Helper.ts']);
    expect(run.stderr).toContain('frank: ignored Helper.ts');
  });

  test('a result cannot blow up the report: long strings are cut', () => {
    const huge = results.students.find((s) => s.student === 'huge-error')!.problems[0];
    expect(JSON.stringify(huge).length).toBeLessThan(200_000);
    expect(JSON.stringify(huge)).toContain('more characters cut by the judge');
  });

  test('what submissions print never reaches the grader’s output', () => {
    expect(run.stdout).not.toContain('"verdict":"AC","score":100');
    expect(run.stdout + run.stderr).not.toContain('flood flood');
    expect(run.stderr).not.toMatch(/heap out of memory|FATAL ERROR/);
  });

  test('nothing is written outside the output folder', () => {
    expect(snapshotTree(work.root, (rel) => rel === 'out' || rel.startsWith(`out${path.sep}`))).toEqual(before.work);
    expect(snapshotTree(path.join(ROOT, 'problems'))).toEqual(before.problems);
    expect(PWNED.filter((f) => existsSync(f))).toEqual([]);
  });
});
