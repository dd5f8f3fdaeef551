/**
 * Sandbox workers evaluate learner code under SES, which refuses any script whose text contains
 * `<!--`, `-->`, `import(` or `eval(` — even inside a string or a comment. A correct solution
 * that merely says such a thing must still be judged (it got CE); code that really calls eval()
 * or import() is a compile error at the learner's line, saying what to do.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { instrument } from '../../harness/loader/instrument';

const ROOT = path.resolve(__dirname, '../..');
/** SES's own tests (ses/src/transforms.js), each of which refuses a whole script. */
const SES_REFUSES = [/(?:<!--|-->)/, /(^|[^.]|\.\.\.)\bimport(\s*(?:\(|\/[/*]))/, /(^|[^.])\beval(\s*\()/];

const LITERALS = [
  '"see import(x) docs"',
  "'<!-- not a comment -->'",
  '`eval(y) ${1 + 1} --> done`',
  '"...import/* x */"',
  '"\\\\<!--"',
];

describe('strings, templates and comments that quote refused text', () => {
  test.each(LITERALS)('%s: SES finds nothing to refuse, and the value is the same', (literal) => {
    const code = `"use strict";\n// a comment with import(x) and <!-- y -->\nmodule.exports = ${literal};\n`;
    const edited = instrument(code).code;
    for (const refused of SES_REFUSES) expect(edited).not.toMatch(refused);
    const value = (src: string): unknown => {
      const module = { exports: undefined as unknown };
      new Function('module', src)(module);
      return module.exports;
    };
    expect(value(edited)).toBe(value(code));
  });

  test.each([
    ['String.raw`see import(x) and <!-- -->`', 'see import(x) and <!-- -->'],
    ['String.raw`${1}eval(${2})`', '1eval(2)'],
    ['/<!--|-->/.test("a --> b")', true],
    ['/[/]eval\\((\\d)\\)/.exec("/eval(7)")[1]', '7'],
    ['"x".replace(/import(?=x)|x/, "y")', 'y'],
  ])('%s: a tagged template or a regular expression computes what it did', (expression, expected) => {
    const code = `module.exports = ${expression};\n`;
    const edited = instrument(code).code;
    for (const refused of SES_REFUSES) expect(edited).not.toMatch(refused);
    const module = { exports: undefined as unknown };
    new Function('module', edited)(module);
    expect(module.exports).toEqual(expected);
  });

  test('a call of eval() in code is left as written, for SES to refuse', () => {
    const edited = instrument('const z = eval("1") + "eval(";\n').code;
    expect(edited).toContain('const z = eval("1")');
    expect(edited).not.toContain('"eval(";');
  });
});

describe('judged in the sandbox (SES)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-ses-text-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(source: string): { verdict: string; error?: { message: string } } {
    const file = path.join(dir, 'FooBar.ts');
    fs.writeFileSync(file, source);
    try {
      return JSON.parse(execFileSync(process.execPath, [path.join(ROOT, 'bin/interleave.js'), 'run', 'foobar', file, '--json'], { encoding: 'utf8' }));
    } catch (e) {
      return JSON.parse((e as { stdout: string }).stdout);
    }
  }

  const accepted = fs.readFileSync(path.join(ROOT, 'problems/foobar/solutions/accepted/semaphores.ts'), 'utf8');
  const withLine = (line: string): string => accepted.replace(/(export class FooBar \{\n)/, `$1  ${line}\n`);

  test('a correct FooBar whose fields quote import(, <!-- and --> is accepted', () => {
    const r = run(withLine('private note = "see import(x) docs <!-- and --> " + `eval(1)`; // import(y) <!--'));
    expect([r.verdict, r.error?.message]).toEqual(['AC', undefined]);
  });

  test('a regular expression that does not compile is a compile error at its line, not a judge error', () => {
    const source = withLine('private re = [/eval(/, 1];');
    const line = source.split('\n').findIndex((l) => l.includes('/eval(/')) + 1;
    const r = run(source);
    expect(r.verdict).toBe('CE');
    expect(r.error!.message).toMatch(new RegExp(`^FooBar\\.ts:${line}:\\d+: Invalid regular expression: /eval\\(/: Unterminated group`));
  });

  test('eval() in code is a compile error at its line and column, saying it is not available', () => {
    const source = withLine('private z = eval("1");');
    const line = source.split('\n').findIndex((l) => l.includes('eval(')) + 1;
    const r = run(source);
    expect(r.verdict).toBe('CE');
    expect(r.error!.message).toBe(`FooBar.ts:${line}:15: eval() is not available to a solution`);
  });

  // Before, an endless loop in code made from a string escaped the loop guard: a 10 s time limit with no line.
  test.each([
    ['an indirect eval', "(0, eval)('for (;;) {}')", 'eval()'],
    ['Function', "Function('for (;;) {}')()", 'Function()'],
    ['new Function', "new Function('for (;;) {}')()", 'Function()'],
    ["SES's Compartment", "new (globalThis as any).Compartment().evaluate('for (;;) {}')", 'Compartment'],
  ])('%s is a run-time error at its line, saying it is not available', (_what, call, name) => {
    const source = accepted.replace(/(async foo\(printFoo: \(\) => void\): Promise<void> \{\n)/, `$1    ${call};\n`);
    expect(source).toContain(call);
    const line = source.split('\n').findIndex((l) => l.includes(call)) + 1;
    const r = run(source) as { verdict: string; cases: Array<{ failure?: { message: string } }> };
    expect(r.verdict).toBe('RTE');
    expect(r.cases[0].failure!.message).toBe(
      `foo() threw EvalError: ${name} is not available to a solution: the judge cannot check code made from a string at run time; write the code itself in thread foo (at FooBar.ts:${line})`,
    );
  });

  test("Node's globals a solution has no use for say so, with the line (it read: AbortController is not a constructor)", () => {
    const call = 'new AbortController()';
    const source = accepted.replace(/(async foo\(printFoo: \(\) => void\): Promise<void> \{\n)/, `$1    ${call};\n`);
    const line = source.split('\n').findIndex((l) => l.includes(call)) + 1;
    const r = run(source) as { verdict: string; cases: Array<{ failure?: { message: string } }> };
    expect([r.verdict, r.cases[0].failure!.message]).toEqual([
      'RTE',
      `foo() threw ReferenceError: AbortController is not available to a solution: the judge gives it interleave/sync, timers, console, Date, Math, Promise, URL and JavaScript's own built-ins in thread foo (at FooBar.ts:${line})`,
    ]);
  });

  test('a correct FooBar that asks `instanceof Function` is accepted', () => {
    const check = '((x: number) => x) instanceof Function && Object.getPrototypeOf(() => 0) === Function.prototype';
    const r = run(withLine(`private readonly ok = (() => { if (!(${check})) throw new Error('not a Function'); return 1; })();`));
    expect([r.verdict, r.error?.message]).toEqual(['AC', undefined]);
  });
});
