/**
 * Lowered async methods share one generator function per run (loader/shared-async.ts): where that
 * cannot change what the code does, and nowhere else. Checked on what the loader makes and on what
 * the code then does under the scheduler.
 */
import { compileFor } from '../../harness/loader/index';
import { instrument, unshiftColumn } from '../../harness/loader/instrument';
import { compileScenario } from '../support/scenario';
import { logOf, seeds } from '../sync/learner';

/** The code as the judge runs it: compiled, then instrumented where it is loaded. */
async function judged(file: string, source: string): Promise<string> {
  return instrument((await compileFor(file, source)).code).code;
}

/** The compiled line where `<name>(…)` hands its body to the async driver, as the judge runs it. */
async function loweredCall(source: string, name: string): Promise<string> {
  const code = await judged('/tmp/shared-async.ts', source);
  const at = code.search(new RegExp(`\\b${name}\\(`));
  const line = at < 0 ? undefined : code.slice(at).split('\n').find((l) => l.includes('__async('));
  if (line === undefined) throw new Error(`no async ${name} in:\n${code}`);
  return line.trim();
}

test("a class's async method is made once per run, with its parameters as the generator's own", async () => {
  const simple = `export class H2O { n = 0; async hydrogen(release: () => void) { this.n++; release(); } }`;
  expect(await loweredCall(simple, 'hydrogen')).toMatch(/^return __async\(this, \[release\] \|\| null, __il_async\d+ \?\?= \(\{"hydrogen": function\* \(release\) \{$/);
  // Defaults, patterns and rest parameters: esbuild gives them to the generator and passes `arguments`.
  const patterns = `export class H2O { n = 0; async hydrogen(release: () => void, { times = 1 } = {}, ...rest: number[]) { this.n += times + rest.length; release(); } }`;
  expect(await loweredCall(patterns, 'hydrogen')).toMatch(/^return __async\(this, arguments, __il_async\d+ \?\?= \(\{"hydrogen": function\* \(release, \{ times = 1 \} = \{\}, \.\.\.rest\) \{$/);
  const readsArguments = `export class A { async count(x: number) { return arguments.length + x; } }`;
  expect(await loweredCall(readsArguments, 'count')).toMatch(/^return __async\(this, arguments, __il_async\d+ \?\?= \(\{"count": function\* \(x\) \{$/);
});

test('a method made per call of a function, or per round of a loop, or one that names what is around it, is left alone', async () => {
  const perCall = `export function make(prefix: string) { return { async say(x: string) { return prefix + x; } }; }`;
  expect(await loweredCall(perCall, 'say')).toBe('return __async(this, null, ({"say": function* () {');
  const inLoop = `export const made: object[] = [];\nfor (const k of [1, 2]) made.push(class { async get() { return k; } });`;
  expect(await loweredCall(inLoop, 'get')).toBe('return __async(this, null, ({"get": function* () {');
  // esbuild's generator has no parameters, so its \`var x\` starts undefined; given x, it would not.
  const redeclares = `export class A { async work(x: number) { var x = x || 10; return x * 2; } }`;
  expect(await loweredCall(redeclares, 'work')).toBe('return __async(this, null, ({"work": function* () {');
  const readsEval = `export class A { async f(a: number) { return eval('a'); } }`;
  expect(await loweredCall(readsEval, 'f')).toBe('return __async(this, null, ({"f": function* () {');
  const namesABlockBinding = `let shared = 1;\n{ const local = 2; (globalThis as any).C = class { async get() { return shared + local; } }; }`;
  expect(await loweredCall(namesABlockBinding, 'get')).toBe('return __async(this, null, ({"get": function* () {');
});

test('the edits only insert: every line keeps its place, and columns map back', () => {
  const code = 'var __async = f;\nvar A = class {\n  m(a, b) {\n    return __async(this, null, function* () {\n      yield a + b;\n    });\n  }\n};\n';
  const out = instrument(code);
  expect(out.code.split('\n')).toHaveLength(code.split('\n').length);
  expect(out.code.split('\n')[3]).toBe('    return __async(this, [a, b] || null, __il_async0 ??= ({"m": function* (a, b) {');
  expect(out.code.split('\n')[4]).toBe('      yield __il_await((a + b), 0);');
  expect(out.code.split('\n')[5]).toBe('    }})["m"]);');
  expect(out.code.split('\n')[0]).toBe('var __il_async0;var __il_await = __interleave_await;var __async = f;');
  const line = out.code.split('\n')[3];
  expect(unshiftColumn(out.shifts, 4, line.indexOf('function*'))).toBe(code.split('\n')[3].indexOf('function*'));
  expect(unshiftColumn(out.shifts, 4, line.lastIndexOf('{'))).toBe(code.split('\n')[3].lastIndexOf('{'));
});

test('shared async bodies behave as before: defaults, destructuring, recursion, several instances, closures of a factory', async () => {
  const source = `import { yieldThread } from 'interleave/sync';
     export const log: string[] = [];
     class Counter {
       n = 0;
       constructor(readonly name: string) {}
       async add(k = 1, { label }: { label: string } = { label: 'x' }) { await yieldThread(); this.n += k; log.push(this.name + label + this.n); }
       async twice(k: number) { await this.add(k, { label: 'a' }); await this.add(k, { label: 'b' }); }
       async down(k: number): Promise<number> { if (k === 0) return 0; await yieldThread(); return k + (await this.down(k - 1)); }
     }
     function make(prefix: string) { return { async say(x: number) { await yieldThread(); log.push(prefix + x); } }; }
     const c = new Counter('c'), d = new Counter('d');
     const p = make('p'), q = make('q');
     export async function a() { await c.twice(2); await p.say(1); log.push('sum ' + (await c.down(4))); }
     export async function b() { await c.add(); await d.add(5, { label: 'y' }); await q.say(2); }`;
  const run = await compileScenario(source);
  for (const seed of seeds(20)) {
    const r = await run({ threads: ['a', 'b'], seed });
    expect(r.verdict).toBe('OK');
    const log = logOf(r);
    expect(log.filter((s) => s.startsWith('c')).map((s) => s.slice(1, 2)).sort()).toEqual(['a', 'b', 'x']);
    expect(log.filter((s) => s.startsWith('c')).pop()).toBe(`c${log.filter((s) => s.startsWith('c')).pop()!.slice(1, 2)}5`);
    expect(log).toContain('dy5');
    expect(log).toContain('p1');
    expect(log).toContain('q2');
    expect(log).toContain('sum 10');
  }
});

test("the judge's names never collide with the learner's: a learner's __il_loop does not turn off the loop guard", async () => {
  const source = `export var __il_loop = (_: number) => {};
     export const __il_async0 = 'mine';
     export class A { async spin(n: number) { while (n > 0) {} } }
     export async function a() { await new A().spin(1); }`;
  const code = await judged('/tmp/names.ts', source);
  expect(code).toMatch(/var __il_loop_ = __interleave_loop;/);
  expect(code).toMatch(/__il_async_0 \?\?= \(\{"spin": function\* \(n\)/);
  const run = await compileScenario(source);
  const r = await run({ threads: ['a'], seed: 1 });
  expect(r.verdict).toBe('TLE');
  expect(r.message).toMatch(/went round .* times without reaching a switch point/);
  expect(r.exports.__il_async0).toBe('mine');
});
