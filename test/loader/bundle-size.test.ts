/**
 * A submission's files together are held to a size (bundle-limits.ts): 120 helper files of 1 MB
 * each took the grader 2 GB and 20 s and then crashed the worker the bundle was sent to.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BundleTooLarge, compileSubmission } from '../../harness/loader/compile';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-bundle-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Foo.ts importing `n` helpers of `bytes` each; returns Foo.ts's path and text. */
function submission(n: number, bytes: number): { file: string; source: string } {
  for (let i = 0; i < n; i++) fs.writeFileSync(path.join(dir, `h${i}.ts`), `export const h${i} = "${'x'.repeat(bytes)}";\n`);
  const source =
    Array.from({ length: n }, (_, i) => `import { h${i} } from './h${i}';\n`).join('') +
    `export class Foo { all = [${Array.from({ length: n }, (_, i) => `h${i}`).join(', ')}]; }\n`;
  const file = path.join(dir, 'Foo.ts');
  fs.writeFileSync(file, source);
  return { file, source };
}

async function refusal(file: string, source: string): Promise<BundleTooLarge> {
  try {
    await compileSubmission(file, source);
  } catch (e) {
    if (e instanceof BundleTooLarge) return e;
    throw e;
  }
  throw new Error('it compiled');
}

test('helper files of 1 MB each, each under the limit of a file, are a compile error saying how much and what to do', async () => {
  const { file, source } = submission(30, 1_000_000);
  const e = await refusal(file, source);
  expect(e.message).toMatch(/^Foo\.ts and the files it imports are too large to judge: at least \d+\.\d MB in \d+ files/);
  expect(e.message).toContain('a solution may bring in at most 2.0 MB in 100 files');
  expect(e.message).toContain('Submit the solution class and only the helper files it needs');
  // It stopped reading early: the message counts a few files, not the 31.
  expect(e.count.files).toBeLessThan(6);
});

test('hundreds of small helper files are refused likewise', async () => {
  const { file, source } = submission(150, 10);
  const e = await refusal(file, source);
  expect(e.message).toContain('too large to judge');
});

test('a solution with a large helper under the limits compiles', async () => {
  const { file, source } = submission(1, 900_000);
  const compiled = await compileSubmission(file, source);
  expect(compiled.code.length).toBeGreaterThan(900_000);
});
