/**
 * Code nested absurdly deep: esbuild's shared service died of a stack overflow on it and took
 * every compile in flight with it (classmates' correct files got CE); acorn and V8 in the worker
 * ran out of stack (a JE). Each is the deep file's own compile error now.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CompileError, compileSubmission } from '../../harness/loader/compile';
import { loadSubmission } from '../../harness/loader/index';

const CORRECT = 'import { Semaphore } from "interleave/sync";\nexport class Foo {\n  s = new Semaphore(0);\n  async first(p: () => void) { p(); await this.s.release(); }\n}\n';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-deep-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function compileError(run: () => Promise<unknown>): Promise<CompileError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error('it compiled');
}

test('340,000 nested brackets (680 KB) are a compile error at their line, and the next file still compiles', async () => {
  const source = `${CORRECT}export const x = ${'['.repeat(340_000)}${']'.repeat(340_000)};\n`;
  const e = await compileError(() => compileSubmission(path.join(dir, 'Foo.ts'), source));
  expect(e.message).toBe(
    'Foo.ts:6:518: brackets nested more than 500 levels deep here; the judge does not read code nested this deeply (no solution needs it). Write the value or expression with less nesting.',
  );
  expect(e.site).toEqual({ file: 'Foo.ts', line: 6, column: 518 });
  await expect(compileSubmission(path.join(dir, 'Foo.ts'), CORRECT)).resolves.toHaveProperty('code');
});

test('a helper file nesting too deep is a compile error at the helper’s line', async () => {
  fs.writeFileSync(path.join(dir, 'helper.ts'), `\nexport const y = ${'('.repeat(600)}1${')'.repeat(600)};\n`);
  const e = await compileError(() => compileSubmission(path.join(dir, 'Foo.ts'), `import { y } from './helper';\n${CORRECT}export const z = y;\n`));
  expect(e.message).toMatch(/^helper\.ts:2:518: brackets nested more than 500 levels deep here/);
});

test('a chain that crashes esbuild without a bracket is that file’s compile error; files compiled beside it are not touched', async () => {
  const deep = compileSubmission(path.join(dir, 'Foo.ts'), `${CORRECT}let a: any;\nexport const x = ${'a='.repeat(250_000)}1;\n`);
  const others = Array.from({ length: 4 }, () => compileSubmission(path.join(dir, 'Foo.ts'), CORRECT));
  const e = await compileError(() => deep);
  expect(e.message).toMatch(/^Foo\.ts: the compiler crashed on this file \(esbuild ran out of stack\), most likely because its code nests too deeply/);
  for (const other of others) await expect(other).resolves.toHaveProperty('code');
});

test('compiles in flight when esbuild’s service dies are compiled again, and later ones get a fresh service', async () => {
  await compileSubmission(path.join(dir, 'Foo.ts'), CORRECT);
  const inFlight = Array.from({ length: 3 }, () => compileSubmission(path.join(dir, 'Foo.ts'), CORRECT));
  // The service is this process's esbuild child: killed as a crash would end it.
  const service = execFileSync('pgrep', ['-P', String(process.pid), '-f', '--', '--service='], { encoding: 'utf8' }).trim().split('\n').map(Number);
  for (const pid of service) process.kill(pid, 'SIGKILL');
  for (const compile of inFlight) await expect(compile).resolves.toHaveProperty('code');
  await expect(compileSubmission(path.join(dir, 'Foo.ts'), CORRECT)).resolves.toHaveProperty('code');
});

test('a call chain esbuild passes but the judge cannot read for lack of stack is a compile error, not a judge error', async () => {
  const e = await compileError(() => loadSubmission(path.join(dir, 'Foo.ts'), `${CORRECT}let a: any;\nexport const x = () => a${'.b()'.repeat(50_000)};\n`));
  expect(e.message).toMatch(/^Foo\.ts(:\d+:\d+)?: the code nests too deeply for the judge to read \(reading it ran out of stack\)/);
});
