/** What `interleave grade` says about bad input, in process (nothing is judged). */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { gradeCommand } from '../../harness/cli/grade';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const stream = (append: (s: string) => void) => ({ write: (s: string) => (append(s), true), isTTY: false });
  const code = await gradeCommand(argv, {
    stdout: stream((s) => (stdout += s)),
    stderr: stream((s) => (stderr += s)) as unknown as NodeJS.WriteStream,
    env: {},
  });
  return { code, stdout, stderr };
}

describe('interleave grade, bad input', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'interleave-grade-cmd-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a missing folder is exit 2, saying what to give', async () => {
    const r = await run(path.join(dir, 'nope'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^interleave grade: there is no folder .*nope\. Give the folder that holds one folder per student/);
  });

  test('a bad option is exit 2 with the usage', async () => {
    const r = await run(dir, '--wrokers', '2');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('interleave grade: unknown option --wrokers');
    expect(r.stderr).toContain('usage: interleave grade <submissions-dir>');
  });

  test('an unknown problem is exit 2, listing the problems', async () => {
    const r = await run(dir, '--problems', 'nope');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown problem nope; the problems are: .*print-in-order/);
  });

  test('an output folder that is a student’s folder (a student named `out`) is exit 2, naming it, and nothing is written', async () => {
    for (const student of ['alice', 'out']) {
      mkdirSync(path.join(dir, student));
      writeFileSync(path.join(dir, student, 'Foo.ts'), 'export class Foo {}\n');
    }
    const r = await run(dir, '--out', path.join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^interleave grade: the output folder .*out is a student's folder in .*: it holds out\/Foo\.ts, which looks like a submission/);
    expect(r.stderr).toContain('Choose another --out');
    expect(readdirSync(path.join(dir, 'out'))).toEqual(['Foo.ts']);
    expect(existsSync(path.join(dir, 'out', 'results.json'))).toBe(false);
  });

  test('--help prints the usage and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--fresh');
  });
});

test("a file name with a newline is told on its student's one line: it cannot print a line of its own", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-grade-names-'));
  try {
    mkdirSync(path.join(dir, 'class', 'mallory'), { recursive: true });
    writeFileSync(path.join(dir, 'class', 'mallory', 'notes\nalice: AC 100.ts'), 'export const x = 1;\n');
    const r = await run(path.join(dir, 'class'), '--out', path.join(dir, 'out'));
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('alice'))).toEqual([]);
    expect(r.stderr).toContain('mallory: ignored notes⏎alice: AC 100.ts');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
