/**
 * Only regular files are read from a submissions folder: a named pipe would block a reader for
 * ever, a device may never end. Every test here would hang (and time out) if a pipe were opened.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { discoverClass } from '../../harness/pool/batch/discover';
import { submissionHash } from '../../harness/pool/batch/job-key';
import { compileSubmission, SpecialImportError } from '../../harness/loader/compile';
import { MAX_SOURCE_BYTES, UnreadableFile, readSubmission } from '../../harness/pool/regular-files';
import type { ProblemInfo } from '../../harness/model/class-results';

const PROBLEMS: ProblemInfo[] = [{ id: 'print-in-order', title: 'Print in Order', className: 'Foo', maxScore: 100 }];

let root = '';
let server: net.Server | undefined;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'interleave-regular-'));
});
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  rmSync(root, { recursive: true, force: true });
});

function fifo(rel: string): string {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  execFileSync('mkfifo', [p]);
  return p;
}

async function socket(rel: string): Promise<string> {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  server = net.createServer();
  await new Promise<void>((resolve) => server!.listen(p, resolve));
  return p;
}

function file(rel: string, text = 'export class Foo {}\n'): string {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

describe('discovery', () => {
  test('a pipe or a socket named like a solution is skipped with a note on that student, never graded', async () => {
    fifo('mallory/Foo.ts');
    await socket('sybil/Foo.ts');
    fifo('trent/notes');
    file('trent/Foo.ts');
    file('alice/Foo.ts');
    const c = discoverClass(root, PROBLEMS);
    const by = Object.fromEntries(c.students.map((s) => [s.student, { files: s.files.map((f) => f.rel), ignored: s.ignored }]));
    expect(by).toEqual({
      alice: { files: ['alice/Foo.ts'], ignored: [] },
      mallory: { files: [], ignored: ['Foo.ts (a named pipe (FIFO), not a regular file: skipped and never opened)'] },
      sybil: { files: [], ignored: ['Foo.ts (a socket, not a regular file: skipped and never opened)'] },
      trent: { files: ['trent/Foo.ts'], ignored: ['notes (a named pipe (FIFO), not a regular file: skipped and never opened)'] },
    });
  });
});

describe('reading a submission', () => {
  test('a pipe is refused without being opened', async () => {
    const p = fifo('Foo.ts');
    await expect(readSubmission(p, { shown: 'mallory/Foo.ts' })).rejects.toThrow(
      'mallory/Foo.ts is a named pipe (FIFO), not a regular file: the judge does not open it. Submit the source file itself.',
    );
  });

  test('a device is refused', async () => {
    const refused = readSubmission('/dev/zero', { shown: 'zero.ts' });
    await expect(refused).rejects.toBeInstanceOf(UnreadableFile);
    await expect(readSubmission('/dev/zero', { shown: 'zero.ts' })).rejects.toThrow('zero.ts is a character device, not a regular file');
  });

  test('a file above the limit is refused with its size and the limit', async () => {
    const p = file('Foo.ts', 'x'.repeat(MAX_SOURCE_BYTES + 10));
    await expect(readSubmission(p, { shown: 'Foo.ts' })).rejects.toThrow('Foo.ts is 1024 KB; the judge takes files up to 1024 KB. Submit only the solution class.');
  });

  test('a regular file is read whole', async () => {
    const p = file('Foo.ts', 'export class Foo { x = 1 }\n');
    await expect(readSubmission(p)).resolves.toBe('export class Foo { x = 1 }\n');
  });

  test('the job key of a file next to a pipe is computed without opening the pipe', () => {
    const p = file('Foo.ts');
    fifo('helper.ts');
    expect(submissionHash(p)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('what a compilation would open', () => {
  /** What compiling `entry` refused to open, or [] when it compiled. */
  async function specialImports(entry: string, source: string): Promise<readonly { rel: string; kind: string }[]> {
    try {
      await compileSubmission(entry, source);
      return [];
    } catch (e) {
      if (e instanceof SpecialImportError) return e.found;
      throw e;
    }
  }

  test('an imported pipe, or a link to one, is never opened: the compile fails naming both (the link by where it leads)', async () => {
    fifo('pipe.ts');
    const sub = fifo('deep/other.ts');
    execFileSync('ln', ['-s', sub, path.join(root, 'link.ts')]);
    const entry = file('Foo.ts');
    const source = "import { x } from './pipe';\nimport { y } from './link';\nexport class Foo { z = x + y }\n";
    await expect(specialImports(entry, source)).resolves.toEqual([
      { rel: 'deep/other.ts', kind: 'a named pipe (FIFO)' },
      { rel: 'pipe.ts', kind: 'a named pipe (FIFO)' },
    ]);
    await expect(compileSubmission(entry, source)).rejects.toThrow(
      'Foo.ts imports what is not a regular file, which the judge never opens: deep/other.ts (a named pipe (FIFO)), pipe.ts (a named pipe (FIFO)). Import only your own source files.',
    );
  });

  test('regular helpers and interleave/sync compile; any other import is refused, not opened', async () => {
    file('helper.ts', 'export const x = 1;\n');
    const entry = file('Foo.ts');
    const fine = "import { x } from './helper';\nimport { Lock } from 'interleave/sync';\nexport class Foo { l = new Lock(); y = x }\n";
    expect((await compileSubmission(entry, fine)).code).toContain('require("interleave/sync")');
    for (const bad of ['fs', 'interleave/syn', 'interleave/sync2', 'interleave', 'interleave/sync/x', '/etc/hostname']) {
      await expect(compileSubmission(entry, `import * as m from '${bad}';\nexport class Foo { m = m }\n`)).rejects.toThrow(
        `import "${bad}" is not allowed: a solution may import only "interleave/sync" and its own files ("./helper")`,
      );
    }
  });
});
