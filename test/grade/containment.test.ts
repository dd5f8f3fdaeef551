/**
 * A class with correct, buggy and hostile students graded by the real CLI: every hostile file is
 * an otherwise-correct (or, where said, wrong) solution that also attacks the judge. Each student
 * must get the verdict the attack deserves, the grader must finish with exit 0, and nothing may be
 * written outside the output folder.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { Verdict } from '../../harness/model/result';
import { validateResults } from '../../harness/model/validate';
import type { ClassResults } from '../../harness/model/class-results';
import { classCopy, grade, ROOT, snapshotTree, type Finished } from './cli';

/** A student folder named like a GitHub Actions workflow command (issue 9). */
const INJECTED_NAME = '::error title=x::pwned';

/** The verdict (or verdicts, where either is right) each student's print-in-order deserves. */
const EXPECTED: Record<string, Verdict | Verdict[]> = {
  alice: 'AC',
  bob: 'AC',
  carol: 'WA',
  dave: 'DL',
  erin: 'CE',
  'loop-at-load': 'TLE',
  'loop-in-thread': 'TLE',
  'regex-bomb': 'TLE',
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
  // Issue 9's attacks. A thrown Proxy whose every trap throws: the describer must survive it.
  'throw-proxy': 'RTE',
  // Made by the test: a solution importing a named pipe (esbuild would block on it for ever)...
  'pipe-import': 'CE',
  // ...a correct solution beside a named pipe (judged; the pipe is noted, never opened)...
  'pipe-beside': 'AC',
  // ...a correct solution in a folder named like a GitHub workflow command...
  [INJECTED_NAME]: 'AC',
  // ...and one that reaches for a listener the test holds on 127.0.0.1.
  'network-listener': 'RTE',
};

/** Students with no solution file, only a pipe or a socket named like one. */
const SPECIAL = { 'pipe-as-solution': 'a named pipe (FIFO)', 'socket-as-solution': 'a socket' };

const ALICE = path.join(__dirname, 'fixtures', 'class', 'alice', 'Foo.ts');

/** Students made by the test: what cannot be checked in (pipes, sockets) or depends on the run (a port). */
async function addIssue9Students(classDir: string, port: number): Promise<net.Server> {
  const dir = (student: string): string => {
    mkdirSync(path.join(classDir, student));
    return path.join(classDir, student);
  };
  execFileSync('mkfifo', [path.join(dir('pipe-as-solution'), 'Foo.ts')]);
  const socketPath = path.join(dir('socket-as-solution'), 'Foo.ts');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  writeFileSync(path.join(dir('pipe-import'), 'Foo.ts'), "export { Foo } from './pipe';\n");
  execFileSync('mkfifo', [path.join(classDir, 'pipe-import', 'pipe.ts')]);
  copyFileSync(ALICE, path.join(dir('pipe-beside'), 'Foo.ts'));
  execFileSync('mkfifo', [path.join(classDir, 'pipe-beside', 'notes')]);
  copyFileSync(ALICE, path.join(dir(INJECTED_NAME), 'Foo.ts'));
  writeFileSync(path.join(classDir, INJECTED_NAME, '##[error]Helper.ts'), 'export const x = 1;\n');
  const network = readFileSync(path.join(__dirname, 'fixtures', 'class', 'network', 'Foo.ts'), 'utf8');
  writeFileSync(path.join(dir('network-listener'), 'Foo.ts'), network.replace('http://127.0.0.1:9/', `http://127.0.0.1:${port}/`));
  return server;
}

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
  let listener: net.Server;
  let socketServer: net.Server;
  let connections = 0;

  beforeAll(async () => {
    listener = net.createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    addLinkingStudents(path.join(work.root, 'class'));
    socketServer = await addIssue9Students(path.join(work.root, 'class'), (listener.address() as net.AddressInfo).port);
    before = {
      work: snapshotTree(work.root),
      problems: snapshotTree(path.join(ROOT, 'problems')),
    };
    // As on GitHub Actions, where a line starting with `::` is a workflow command.
    run = await grade(['class', '--out', 'out', '--job-timeout', '5', '--memory', '128', '--workers', '2'], work.root, { GITHUB_ACTIONS: 'true' });
    results = validateResults(JSON.parse(readFileSync(path.join(work.root, 'out', 'results.json'), 'utf8')));
  }, 240_000);
  afterAll(async () => {
    await new Promise((resolve) => listener.close(resolve));
    await new Promise((resolve) => socketServer.close(resolve));
    work.cleanup();
  });

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
    // An endless loop of the learner's is stopped by its guard, and named; endless work inside the
    // engine (a regular expression that backtracks for ever) only by the time limit.
    expect(message('loop-at-load')).toMatch(/^loading Foo\.ts: the loop at Foo\.ts:3 went round 10,000,000 times without reaching a switch point/);
    expect(message('regex-bomb')).toMatch(/^Stopped after 5 s of CPU time, the limit for judging one file\. Most often the code never gave control back/);
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

  test('a pipe or a socket in place of a solution is skipped with a note on that student, never opened', () => {
    for (const [student, kind] of Object.entries(SPECIAL)) {
      const s = results.students.find((x) => x.student === student)!;
      expect(s.problems).toEqual([]);
      expect(s.ignored).toEqual([`Foo.ts (${kind}, not a regular file: skipped and never opened)`]);
      expect(run.stderr).toContain(`${student}: ignored Foo.ts (${kind}, not a regular file`);
    }
    expect(results.students.find((x) => x.student === 'pipe-beside')!.ignored).toEqual(['notes (a named pipe (FIFO), not a regular file: skipped and never opened)']);
  });

  test('an imported pipe is refused before the compiler could block on it', () => {
    const message = results.students.find((s) => s.student === 'pipe-import')!.problems[0].error?.message;
    expect(message).toBe('pipe-import/Foo.ts imports what is not a regular file, which the judge never opens: pipe.ts (a named pipe (FIFO)). Import only your own source files.');
  });

  test('a thrown Proxy whose traps throw is described fairly, not as a crash', () => {
    const r = results.students.find((s) => s.student === 'throw-proxy')!.problems[0];
    const message = r.cases.find((c) => c.failure)?.failure?.message ?? r.error?.message;
    expect(message).toMatch(/^first\(\) threw a Proxy object \(the judge does not look inside a thrown Proxy; throw an Error instead\)/);
  });

  test('no student name or file name starts a GitHub workflow command in the grader’s output', () => {
    const lines = `${run.stdout}\n${run.stderr}`.split(/\r?\n|\r/);
    expect(lines.filter((l) => /^\s*::/.test(l) || l.includes('##['))).toEqual([]);
    // The student is still there, under the name the folder has.
    expect(results.students.map((s) => s.student)).toContain(INJECTED_NAME);
    expect(run.stdout).toContain('error title=x');
  });

  test('learner code reaching for the network connects nowhere: the listener sees nothing', () => {
    expect(connections).toBe(0);
  });

  test('nothing is written outside the output folder', () => {
    expect(snapshotTree(work.root, (rel) => rel === 'out' || rel.startsWith(`out${path.sep}`))).toEqual(before.work);
    expect(snapshotTree(path.join(ROOT, 'problems'))).toEqual(before.problems);
    expect(PWNED.filter((f) => existsSync(f))).toEqual([]);
  });
});
