/**
 * What a learner's method returns, or makes the judge read, is the learner's: a revoked proxy, a
 * symbol among URLs or a recursion that leaves no stack for the checker gets the submission a
 * verdict of its own (RTE or WA), never a judge error (JE), which would blame the judge and be
 * tried again on every grading run.
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import type { ProblemResult } from '../../harness/model/result';

const FILE = path.join(__dirname, 'not-on-disk');

function firstMessage(r: ProblemResult): string | undefined {
  return r.cases.find((c) => c.failure)?.failure?.message;
}

test.each([1, 2, 3])('a method that returns a revoked Proxy is RTE under seed %d', async (seed) => {
  const source = `export class FooBar {
  constructor(private n: number) {}
  foo(p: () => void): unknown { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }
  bar(p: () => void): unknown { return undefined; }
}
`;
  const r = await judgeFile('foobar', path.join(FILE, 'FooBar.ts'), { source, seed });
  expect(r.verdict).toBe('RTE');
  expect(firstMessage(r)).toMatch(/proxy that has been revoked/);
});

test.each([
  ['a symbol', 'Symbol("x")', 'Symbol(x)'],
  ['a bigint', '10n', '10n'],
  ['an object with its own toString', '{ toString() { return "u"; } }', '{"toString":"[function]"}'],
])('crawl() returning an array with %s among the URLs is WA, shown as its text', async (_what, element, shown) => {
  const source = `export class Solution {
  async crawl(startUrl: string, htmlParser: unknown): Promise<unknown> { return [startUrl, ${element}]; }
}
`;
  const r = await judgeFile('web-crawler', path.join(FILE, 'Solution.ts'), { source, seed: 1, stopAtFirstFailure: true });
  expect(r.verdict).toBe('WA');
  expect(firstMessage(r)).toContain(shown);
});

test('a print made with the stack all but used up is the learner’s RTE, not the checker’s fault', async () => {
  const source = `export class FooBar {
  constructor(private n: number) {}
  async foo(printFoo: () => void) {
    const deep = (d: number): number => { try { return deep(d + 1); } catch { printFoo(); return d; } };
    for (let i = 0; i < this.n; i++) deep(0);
  }
  async bar(printBar: () => void) {}
}
`;
  const r = await judgeFile('foobar', path.join(FILE, 'FooBar.ts'), { source, seed: 1 });
  expect(r.verdict).not.toBe('JE');
  expect(r.cases.map((c) => c.verdict)).not.toContain('JE');
  expect(r.cases.some((c) => c.verdict === 'RTE' && /call stack ran out/.test(c.failure!.message))).toBe(true);
});
