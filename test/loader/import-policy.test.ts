import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CompileError, loadSubmission } from '../../harness/loader/index';
import { setActiveRuntime } from '../../harness/scheduler/active';
import { Runtime } from '../../harness/scheduler/runtime';
import { RandomStrategy } from '../../harness/strategies/random';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-imports-'));
  fs.mkdirSync(path.join(dir, 'student'));
  fs.writeFileSync(path.join(dir, 'student', 'helper.ts'), 'export const answer = 42;\n');
  fs.writeFileSync(path.join(dir, 'secret.ts'), 'export const key = "s3cr3t";\n');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (): string => path.join(dir, 'student', 'Solution.ts');

async function refusal(source: string): Promise<CompileError> {
  try {
    await loadSubmission(file(), source);
  } catch (e) {
    if (e instanceof CompileError) return e;
    throw e;
  }
  throw new Error('the import was allowed');
}

test('a used import of "fs" is refused at compile time, naming the import and its line', async () => {
  const e = await refusal("import fs from 'fs';\nexport const data = fs.readFileSync('/etc/passwd');\n");
  expect(e.message).toContain('import "fs" is not allowed');
  expect(e.site).toMatchObject({ file: 'Solution.ts', line: 1 });
});

test('node: built-ins are refused too', async () => {
  const e = await refusal("import { execSync } from 'node:child_process';\nexport const out = execSync('id');\n");
  expect(e.message).toContain('import "node:child_process" is not allowed');
});

test('a dynamic import("child_process") is refused at compile time, naming it', async () => {
  const e = await refusal("export async function run() {\n  const cp = await import('child_process');\n  return cp;\n}\n");
  expect(e.message).toContain('import "child_process" is not allowed');
  expect(e.site).toMatchObject({ line: 2 });
});

test('require("child_process") is refused at compile time as well', async () => {
  const e = await refusal("const cp = require('child_process');\nexport const x = cp;\n");
  expect(e.message).toContain('import "child_process" is not allowed');
});

test('an import of a package from node_modules is refused', async () => {
  const e = await refusal("import * as esbuild from 'esbuild';\nexport const v = esbuild.version;\n");
  expect(e.message).toContain('import "esbuild" is not allowed');
});

test("an import that reaches outside the submission's folder is refused", async () => {
  const e = await refusal("import { key } from '../secret';\nexport const k = key;\n");
  expect(e.message).toContain(`import "../secret" reaches outside the submission's folder`);
});

test('interleave/sync and the submission\'s own files may be imported', async () => {
  const sub = await loadSubmission(
    file(),
    "import { Lock } from 'interleave/sync';\nimport { answer } from './helper';\nexport const value = answer;\nexport const LockClass = Lock;\n",
  );
  expect(sub.file).toBe('Solution.ts');
});

test('learner code has no process, global object or real require at run time', async () => {
  const sub = await loadSubmission(
    file(),
    `export const seen = [typeof process, typeof globalThis, typeof Buffer];
     let req = '';
     const name = ['f', 's'].join('');
     try { (require as (n: string) => unknown)(name); } catch (e) { req = (e as Error).message; }
     export const requireFs = req;`,
  );
  const rt = new Runtime({ strategy: new RandomStrategy(1), budget: 10, dataSeed: 1, tracing: false });
  setActiveRuntime(rt);
  try {
    const exports = rt.runAsMain(() => sub.runModule());
    expect(exports.seen).toEqual(['undefined', 'undefined', 'undefined']);
    expect(exports.requireFs).toContain('require("fs") is not allowed');
  } finally {
    setActiveRuntime(null);
  }
});

test('eval and Function refuse in process as in a sandbox, and instanceof Function still holds', async () => {
  const sub = await loadSubmission(
    file(),
    `const refused = (f: () => unknown): string => { try { f(); return 'ran'; } catch (e) { return (e as Error).name + ': ' + (e as Error).message; } };
     export const indirect = refused(() => (0, eval)('1'));
     export const made = refused(() => Function('return 1')());
     export const isFunction = ((x: number) => x) instanceof Function;`,
  );
  const rt = new Runtime({ strategy: new RandomStrategy(1), budget: 10, dataSeed: 1, tracing: false });
  setActiveRuntime(rt);
  try {
    const exports = rt.runAsMain(() => sub.runModule());
    expect(exports.indirect).toBe('EvalError: eval() is not available to a solution: the judge cannot check code made from a string at run time; write the code itself');
    expect(exports.made).toMatch(/^EvalError: Function\(\) is not available to a solution/);
    expect(exports.isFunction).toBe(true);
  } finally {
    setActiveRuntime(null);
  }
});
