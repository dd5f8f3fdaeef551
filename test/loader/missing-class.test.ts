import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';

const FILE = path.join(__dirname, 'not-on-disk', 'Solution.ts');

test('a file without the class the problem names is a compile error naming the class and what it exports', async () => {
  const r = await judgeFile('foobar', FILE, { source: 'export class Foo {}\nexport const helper = 1;\n' });
  expect(r.verdict).toBe('CE');
  expect(r.error!.message).toBe(
    'Solution.ts does not export a class named FooBar (it exports: Foo, helper); write `export class FooBar { … }`',
  );
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
  expect(r.error!.message).toContain('has no method bar(');
});
