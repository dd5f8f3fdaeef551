import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';

const FILE = path.join(__dirname, 'not-on-disk', 'crash.ts');

const CRASHING = [
  "import { Event } from 'interleave/sync';",
  '',
  'export class FooBar {',
  '  private readonly ready = new Event();',
  '  constructor(private readonly n: number) {}',
  '',
  '  async foo(printFoo: () => void): Promise<void> {',
  '    await this.ready.set();',
  '    this.explode(printFoo);',
  '  }',
  '',
  '  private explode(_print: () => void): void {',
  "    throw new Error('kaboom');",
  '  }',
  '',
  '  async bar(printBar: () => void): Promise<void> {',
  '    await this.ready.wait();',
  '    printBar();',
  '  }',
  '}',
].join('\n');

test("a run-time exception is RTE, with the learner's file and line in the message", async () => {
  const r = await judgeFile('foobar', FILE, { source: CRASHING, schedules: 5 });
  expect(r.verdict).toBe('RTE');
  const failure = r.cases[0].failure!;
  expect(failure.message).toContain('Error: kaboom');
  expect(failure.message).toContain('(at crash.ts:13)');
});

test("a run-time exception's stack is mapped back to the learner's file, lines and methods", async () => {
  const r = await judgeFile('foobar', FILE, { source: CRASHING, schedules: 5 });
  const stack = r.cases[0].failure!.stack!;
  const lines = stack.split('\n');
  expect(lines[0]).toBe('Error: kaboom');
  expect(lines[1]).toMatch(/^ {4}at .*explode \(crash\.ts:13:\d+\)$/);
  expect(lines[2]).toBe('    at FooBar.foo (crash.ts:9:10)');
  // Only the learner's frames: nothing of the judge or of node.
  expect(lines.slice(1).every((l) => /\(crash\.ts:\d+:\d+\)$/.test(l))).toBe(true);
});

// esbuild runs an async function's body in an anonymous generator: V8 named its frames after the
// class alone (\`at FooBar (…)\`), and a first step's stack had the method twice, the second at the
// line it is declared on.
test('a stack names the async method, function, arrow, private method and class field each line is in, once', async () => {
  const source = [
    "import { Event } from 'interleave/sync';",
    'const boom = async (n: number) => {',
    "  if (n > 1) throw new Error('kaboom');",
    '};',
    'async function work(n: number) {',
    '  await boom(n);',
    '}',
    'export class FooBar {',
    '  private readonly ready = new Event();',
    '  constructor(private readonly n: number) {}',
    '  async #step(n: number) {',
    "    if (n === 1) throw new Error('in step');",
    '    await work(n);',
    '  }',
    '  private later = async (n: number) => {',
    '    await this.#step(n);',
    '  };',
    '  async foo(printFoo: () => void) {',
    '    await this.ready.set();',
    '    await this.later(this.n);',
    '  }',
    '  async bar(printBar: () => void) {',
    '    await this.ready.wait();',
    '    printBar();',
    '  }',
    '}',
  ].join('\n');
  const r = await judgeFile('foobar', FILE, { source, schedules: 5 });
  const stacks = r.cases.slice(0, 2).map((c) => c.failure!.stack!.split('\n'));
  // n = 1: thrown in the private method's first step, called from the class field's arrow's, from foo's.
  expect(stacks[0]).toEqual(['Error: in step', '    at FooBar.#step (crash.ts:12:24)', '    at FooBar.later (crash.ts:16:16)', '    at FooBar.foo (crash.ts:20:16)']);
  // n = 2: thrown in the arrow's first step, started by each caller's first step in turn.
  expect(stacks[1]).toEqual([
    'Error: kaboom',
    '    at boom (crash.ts:3:20)',
    '    at work (crash.ts:6:9)',
    '    at FooBar.#step (crash.ts:13:11)',
    '    at FooBar.later (crash.ts:16:16)',
    '    at FooBar.foo (crash.ts:20:16)',
  ]);
});

test('an exception in the constructor is RTE naming the learner line', async () => {
  const source = ['export class FooBar {', '  constructor(n: number) {', "    if (n > 0) throw new RangeError('no');", '  }', '  async foo() {}', '  async bar() {}', '}'].join('\n');
  const r = await judgeFile('foobar', FILE, { source, schedules: 5 });
  expect(r.verdict).toBe('RTE');
  expect(r.cases[0].failure!.message).toBe('the constructor threw RangeError: no (at crash.ts:3)');
});

describe('a stack that runs out is the solution\'s run-time error, wherever it is caught', () => {
  // How deep a recursion gets before V8's stack runs out changes from run to run (how far the code
  // was optimised, the judge's frames below it): a solution that looks at it could pass or fail by luck.
  const measuring = (catcher: string) => `import { Semaphore } from 'interleave/sync';
function down(k: number): number { return k <= 0 ? 0 : down(k - 1) + 1; }
export class FooBar {
  private f = new Semaphore(1);
  private b = new Semaphore(0);
  constructor(private n: number) {}
  async foo(printFoo: () => void): Promise<void> {
${catcher}
    for (let i = 0; i < this.n; i++) { await this.f.acquire(); printFoo(); await this.b.release(); }
  }
  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) { await this.b.acquire(); printBar(); await this.f.release(); }
  }
}
`;

  test.each([1, 2, 3])('caught by try/catch, catch without a binding, or a rejected async call: RTE at the catch (seed %d)', async (seed) => {
    for (const [catcher, line] of [
      ['    try { down(1e9); } catch (e) { void e; }', 8],
      ['    try { down(1e9); } catch { /* how deep? */ }', 8],
      ['    const deep = async (): Promise<number> => down(1e9);\n    try { await deep(); } catch (e) { void e; }', 9],
    ] as const) {
      const r = await judgeFile('foobar', FILE, { source: measuring(catcher), seed, stopAtFirstFailure: true });
      const message = r.cases.find((c) => c.failure)?.failure?.message ?? '';
      expect({ verdict: r.verdict, message }).toEqual({ verdict: 'RTE', message: expect.stringContaining('the call stack ran out') });
      if (!catcher.includes('async')) expect(message).toContain(`caught at crash.ts:${line}`);
    }
  });

  test.each([1, 2, 3])('swallowed by a finally that returns, or by a promise whose executor overflowed and a .catch: RTE too (seed %d)', async (seed) => {
    for (const [catcher, where] of [
      ['    const swallow = (): number => { try { return down(1e9); } finally { return 0; } };\n    swallow();', 'caught at crash.ts:8'],
      ['    await new Promise<number>(() => down(1e9)).catch(() => 0);', '(at crash.ts:2)'],
    ] as const) {
      const r = await judgeFile('foobar', FILE, { source: measuring(catcher), seed, stopAtFirstFailure: true });
      const message = r.cases.find((c) => c.failure)?.failure?.message ?? '';
      expect({ verdict: r.verdict, message }).toEqual({ verdict: 'RTE', message: expect.stringContaining('the call stack ran out') });
      expect(message).toContain(where);
    }
  });

  test('a finally runs as written around every other error: a failing parse in a try/finally still throws to its catch', async () => {
    const r = await judgeFile('foobar', FILE, {
      source: measuring("    let cleaned = false;\n    try { try { JSON.parse('{'); } finally { cleaned = true; } } catch (e) { if (!cleaned) throw e; }"),
      schedules: 20,
    });
    expect(r.verdict).toBe('AC');
  });

  test('other errors are caught as written: a try/catch around a failing parse is still accepted', async () => {
    const r = await judgeFile('foobar', FILE, { source: measuring("    try { JSON.parse('{'); } catch (e) { void e; }\n    try { JSON.parse('{'); } catch { /* fine */ }"), schedules: 20 });
    expect(r.verdict).toBe('AC');
  });
});
