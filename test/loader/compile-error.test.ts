import * as path from 'node:path';
import { CompileError, loadSubmission } from '../../harness/loader/index';
import { judgeFile } from '../../harness/judge/index';

const FILE = path.join(__dirname, 'fixtures-not-on-disk', 'broken.ts');
const BROKEN = ['export class FooBar {', '  constructor(private readonly n: number) {}', '  async foo() {', '    return 1 +;', '  }', '}'].join('\n');

async function compileError(source: string, file = FILE): Promise<CompileError> {
  try {
    await loadSubmission(file, source);
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error('the source compiled');
}

test('a syntax error is a compile error naming file:line:col', async () => {
  const e = await compileError(BROKEN);
  expect(e.message).toBe('broken.ts:4:15: Unexpected ";"');
  expect(e.site).toEqual({ file: 'broken.ts', line: 4, column: 15 });
});

test('a syntax error comes with a code frame showing the line and marking the place', async () => {
  const e = await compileError(BROKEN);
  const lines = e.frame!.split('\n');
  const codeLine = lines.findIndex((l) => l.includes('return 1 +;'));
  expect(codeLine).toBeGreaterThan(0);
  expect(lines[codeLine]).toMatch(/^\s*4 │\s+return 1 \+;$/);
  // The marker sits under the ";".
  const marker = lines[codeLine + 1];
  expect(marker.indexOf('^')).toBe(lines[codeLine].indexOf(';'));
});

// BUG (harness/loader/compile.ts, toCompileError): the message gives the 1-based column
// (broken.ts:4:15) but the frame is formatted by esbuild, whose location line shows its 0-based
// column (broken.ts:4:14): the learner sees two columns for one error. Fix: format the frame with
// the 1-based column (rewrite esbuild's "file:line:col:" header) or leave that header out.
test('the code frame names the same position as the message', async () => {
  const e = await compileError(BROKEN);
  expect(e.frame).toContain('broken.ts:4:15');
});

test('the judge gives CE for every case, with the message, place and frame', async () => {
  const r = await judgeFile('foobar', FILE, { source: BROKEN });
  expect(r.verdict).toBe('CE');
  expect(r.score).toBe(0);
  expect(r.cases.every((c) => c.verdict === 'CE')).toBe(true);
  expect(r.error).toEqual({ message: 'broken.ts:4:15: Unexpected ";"', site: { file: 'broken.ts', line: 4, column: 15 }, frame: expect.stringContaining('return 1 +;') });
});

test('a type error alone is not a compile error: TypeScript types are not checked', async () => {
  await expect(loadSubmission(FILE, 'export const n: number = "not a number";')).resolves.toBeDefined();
});
