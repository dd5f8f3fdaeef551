import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';

const FILE = path.join(__dirname, 'not-on-disk', 'Solution.ts');

test('a file without the class the problem names is a compile error naming the class and what it exports', async () => {
  const r = await judgeFile('foobar', FILE, { source: 'export class Foo {}\nexport const helper = 1;\n' });
  expect(r.verdict).toBe('CE');
  expect(r.error!.message).toBe(
    'Solution.ts does not export a class named FooBar (it exports: Foo, helper); write `export class FooBar { … }` (or, in CommonJS, `module.exports = { FooBar }`)',
  );
});

describe('the other ways a module exports its one class are the class, as Node loads them', () => {
  const body = `{
  private turn = 0;
  constructor(private n: number) {}
  async foo(printFoo: () => void) { for (let i = 0; i < this.n; i++) { while (this.turn !== 0) await yieldThread(); printFoo(); this.turn = 1; } }
  async bar(printBar: () => void) { for (let i = 0; i < this.n; i++) { while (this.turn !== 1) await yieldThread(); printBar(); this.turn = 0; } }
}`;
  test.each([
    ['export default class FooBar', `import { yieldThread } from 'interleave/sync';\nexport default class FooBar ${body}\n`, 'Solution.ts'],
    [
      'module.exports = FooBar',
      `const { yieldThread } = require('interleave/sync');
class FooBar {
  constructor(n) { this.n = n; this.turn = 0; }
  async foo(printFoo) { for (let i = 0; i < this.n; i++) { while (this.turn !== 0) await yieldThread(); printFoo(); this.turn = 1; } }
  async bar(printBar) { for (let i = 0; i < this.n; i++) { while (this.turn !== 1) await yieldThread(); printBar(); this.turn = 0; } }
}
module.exports = FooBar;
`,
      'Solution.js',
    ],
  ])('%s', async (_, source, name) => {
    const r = await judgeFile('foobar', path.join(__dirname, 'not-on-disk', name), { source, schedules: 5 });
    expect([r.verdict, r.error?.message]).toEqual(['AC', undefined]);
  });

  test.each([
    ['export default class { … }', 'Solution.ts', `import { yieldThread } from 'interleave/sync';\nexport default class ${body}\n`],
    ['module.exports = class { … }', 'Solution.js', `const { yieldThread } = require('interleave/sync');\nmodule.exports = class {\n  constructor(n) { this.n = n; this.turn = 0; }\n  async foo(printFoo) { for (let i = 0; i < this.n; i++) { while (this.turn !== 0) await yieldThread(); printFoo(); this.turn = 1; } }\n  async bar(printBar) { for (let i = 0; i < this.n; i++) { while (this.turn !== 1) await yieldThread(); printBar(); this.turn = 0; } }\n};\n`],
  ])('a class without a name, exported as the module itself (%s), is the class', async (_, name, source) => {
    const r = await judgeFile('foobar', path.join(__dirname, 'not-on-disk', name), { source, schedules: 5 });
    expect([r.verdict, r.error?.message]).toEqual(['AC', undefined]);
  });

  // esbuild named such classes as it compiled them: `_FooBar` (a class that refers to itself) and
  // `_a` (class fields lowered for an older target): a correct file was CE.
  test.each([
    ['export default class FooBar that refers to itself', 'Solution.ts', `import { yieldThread } from 'interleave/sync';
export default class FooBar {
  static readonly FIRST = 0;
  private turn = FooBar.FIRST;
  constructor(private n: number) {}
  static make(n: number): FooBar { return new FooBar(n); }
  async foo(printFoo: () => void) { for (let i = 0; i < this.n; i++) { while (this.turn !== 0) await yieldThread(); printFoo(); this.turn = 1; } }
  async bar(printBar: () => void) { for (let i = 0; i < this.n; i++) { while (this.turn !== 1) await yieldThread(); printBar(); this.turn = 0; } }
}
`],
    ['module.exports = class FooBar with static and #private fields', 'Solution.js', `const { yieldThread } = require('interleave/sync');
module.exports = class FooBar {
  static FIRST = 0;
  #turn = FooBar.FIRST;
  #n;
  constructor(n) { if (FooBar.name !== 'FooBar' || this.constructor.name !== 'FooBar') throw new Error('named ' + this.constructor.name); this.#n = n; }
  async foo(printFoo) { for (let i = 0; i < this.#n; i++) { while (this.#turn !== 0) await yieldThread(); printFoo(); this.#turn = 1; } }
  async bar(printBar) { for (let i = 0; i < this.#n; i++) { while (this.#turn !== 1) await yieldThread(); printBar(); this.#turn = 0; } }
};
`],
  ])('%s is the class, under its own name', async (_, name, source) => {
    const r = await judgeFile('foobar', path.join(__dirname, 'not-on-disk', name), { source, schedules: 5 });
    expect([r.verdict, r.error?.message]).toEqual(['AC', undefined]);
  });

  test('a default export of another name, a module that exports nothing, a lone function: each says what it is', async () => {
    const other = await judgeFile('foobar', FILE, { source: 'export default class Foo {}\n' });
    expect(other.error!.message).toBe('Solution.ts does not export a class named FooBar (it exports: default); write `export class FooBar { … }` (or, in CommonJS, `module.exports = { FooBar }`)');
    const nothing = await judgeFile('foobar', FILE, { source: 'class FooBar {}\n' });
    expect(nothing.error!.message).toMatch(/^Solution\.ts does not export a class named FooBar \(it exports nothing: is the `export` missing\?\)/);
    const lone = await judgeFile('foobar', path.join(__dirname, 'not-on-disk', 'Solution.js'), { source: 'module.exports = function helper() {};\n' });
    expect(lone.error!.message).toMatch(/^Solution\.js exports a single function or class \(module\.exports = …\) named helper, not a class named FooBar; write/);
    // A nameless class without the methods is the class all the same: what it lacks is said.
    const bare = await judgeFile('foobar', path.join(__dirname, 'not-on-disk', 'Solution.js'), { source: 'module.exports = class { foo() {} };\n' });
    expect(bare.error!.message).toBe('class FooBar in Solution.js has no method bar(printBar); the problem calls it from thread bar');
  });
});

test('a class without one of the methods is a compile error naming the method and its thread', async () => {
  const r = await judgeFile('foobar', FILE, {
    source: 'export class FooBar {\n  constructor(private readonly n: number) {}\n  async foo(printFoo: () => void) { printFoo(); }\n}\n',
  });
  expect(r.verdict).toBe('CE');
  expect(r.error!.message).toBe('class FooBar in Solution.ts has no method bar(printBar); the problem calls it from thread bar');
  expect(r.cases.every((c) => c.verdict === 'CE' && c.points === 0)).toBe(true);
});

test('a method spelled differently counts as missing', async () => {
  const r = await judgeFile('foobar', FILE, {
    source: 'export class FooBar {\n  async foo() {}\n  async Bar() {}\n}\n',
  });
  expect(r.verdict).toBe('CE');
  expect(r.error!.message).toBe('class FooBar in Solution.ts has no method bar(printBar) (it has Bar: name it bar); the problem calls it from thread bar');
});

test('a method of another name entirely is not offered as the one to rename', async () => {
  const r = await judgeFile('foobar', FILE, { source: 'export class FooBar {\n  async foo() {}\n  async baz() {}\n}\n' });
  expect(r.error!.message).toBe('class FooBar in Solution.ts has no method bar(printBar); the problem calls it from thread bar');
});

describe('methods an instance owns (arrow-function fields, assigned in the constructor) are methods', () => {
  const semaphores = (foo: string, bar: string): string => `import { Semaphore } from 'interleave/sync';
export class FooBar {
  private f = new Semaphore(1);
  private b = new Semaphore(0);
  constructor(private readonly n: number) {
    ${bar}
  }
  ${foo}
}
`;
  const fooField = `foo = async (printFoo: () => void): Promise<void> => {
    for (let i = 0; i < this.n; i++) { await this.f.acquire(); printFoo(); this.b.release(); }
  };`;
  const barInConstructor = `(this as any).bar = async (printBar: () => void): Promise<void> => {
      for (let i = 0; i < this.n; i++) { await this.b.acquire(); printBar(); this.f.release(); }
    };`;

  test.each([1, 2, 3])('a correct FooBar written so is accepted under seed %d', async (seed) => {
    const r = await judgeFile('foobar', FILE, { source: semaphores(fooField, barInConstructor), seed });
    expect([r.verdict, r.error?.message]).toEqual(['AC', undefined]);
  });

  test('a field of that name that is no function is the same compile error, from the instance', async () => {
    const r = await judgeFile('foobar', FILE, { source: semaphores(fooField, '(this as any).bar = 1;') });
    expect(r.verdict).toBe('CE');
    const messages = new Set(r.cases.map((c) => c.failure?.message ?? r.error?.message));
    expect([...messages]).toEqual(["class FooBar in Solution.ts has no method bar(printBar) (an instance's bar is a number); the problem calls it from thread bar"]);
  });

  test('a method read through a getter is a method; a getter that throws is the learner’s run-time error, not the judge’s', async () => {
    const viaGetter = semaphores(fooField, '').replace('  foo = async', `  get bar(): (p: () => void) => Promise<void> {
    return async (printBar) => { for (let i = 0; i < this.n; i++) { await this.b.acquire(); printBar(); this.f.release(); } };
  }
  foo = async`);
    const ok = await judgeFile('foobar', FILE, { source: viaGetter, seed: 1 });
    expect([ok.verdict, ok.error?.message]).toEqual(['AC', undefined]);
    const throwing = viaGetter.replace('return async (printBar)', "if (this.n > 0) throw new Error('no bar today');\n    return async (printBar)");
    const r = await judgeFile('foobar', FILE, { source: throwing, seed: 1, stopAtFirstFailure: true });
    expect(r.verdict).toBe('RTE');
    expect(r.cases.find((c) => c.failure)!.failure!.message).toMatch(/^reading the instance's methods threw Error: no bar today \(at Solution\.ts:\d+\)$/);
  });

  test.each([
    ['Object.assign(this, …) of a factory', 'Object.assign(this, turns(this.n));'],
    ['a constructor that returns the factory\'s object', 'return turns(this.n) as any;'],
  ])('methods made by a module-level factory (%s) are methods: accepted, not a compile error', async (_how, constructorBody) => {
    const source = `import { Semaphore } from 'interleave/sync';
function turns(n: number) {
  const f = new Semaphore(1);
  const b = new Semaphore(0);
  return {
    foo: async (printFoo: () => void) => { for (let i = 0; i < n; i++) { await f.acquire(); printFoo(); await b.release(); } },
    bar: async (printBar: () => void) => { for (let i = 0; i < n; i++) { await b.acquire(); printBar(); await f.release(); } },
  };
}
export class FooBar {
  constructor(private readonly n: number) {
    ${constructorBody}
  }
}
`;
    const r = await judgeFile('foobar', FILE, { source, seed: 1 });
    expect([r.verdict, r.error?.message]).toEqual(['AC', undefined]);
  });

  test('a name only in a longer name (this.bar_done) is no method: told before any thread runs', async () => {
    const r = await judgeFile('foobar', FILE, { source: semaphores(fooField, '(this as any).bar_done = false;') });
    expect(r.verdict).toBe('CE');
    expect(r.error!.message).toBe('class FooBar in Solution.ts has no method bar(printBar); the problem calls it from thread bar');
  });
});

describe('reading the class out of the exports runs learner code as the module’s own: its failure is the learner’s, never the judge’s', () => {
  const js = (tail: string): string => `class Foo { first() {} second() {} third() {} }\n${tail}\n`;
  const judge = (source: string) => judgeFile('print-in-order', path.join(__dirname, 'not-on-disk', 'Foo.js'), { source });
  test('a getter that throws is RTE at its line', async () => {
    const r = await judge(js("Object.defineProperty(module.exports, 'Foo', { enumerable: true, get() { throw new Error('no class for you'); } });"));
    expect(r.verdict).toBe('RTE');
    expect(r.error!.message).toBe('reading Foo from what Foo.js exports threw Error: no class for you');
    expect(r.error!.site?.line).toBe(2);
  });
  test('a getter that never returns is TLE naming its loop', async () => {
    const r = await judge(js("Object.defineProperty(module.exports, 'Foo', { enumerable: true, get() { for (;;) {} } });"));
    expect(r.verdict).toBe('TLE');
    expect(r.error!.message).toMatch(/^reading Foo from Foo\.js: the loop at Foo\.js:2 went round/);
  });
  test('exports that are a Proxy whose traps throw: RTE saying what was thrown', async () => {
    const r = await judge(js('module.exports = new Proxy({}, { get() { throw 42; }, getOwnPropertyDescriptor() { throw 42; }, ownKeys() { throw 42; } });'));
    expect(r.verdict).toBe('RTE');
    expect(r.error!.message).toBe('reading Foo from what Foo.js exports threw 42 (a thrown value that is not an Error)');
  });
});
