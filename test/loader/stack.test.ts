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
  expect(lines[2]).toMatch(/^ {4}at .*\(crash\.ts:9:\d+\)$/);
  // Only the learner's frames: nothing of the judge or of node.
  expect(lines.slice(1).every((l) => /\(crash\.ts:\d+:\d+\)$/.test(l))).toBe(true);
});

test('an exception in the constructor is RTE naming the learner line', async () => {
  const source = ['export class FooBar {', '  constructor(n: number) {', "    if (n > 0) throw new RangeError('no');", '  }', '  async foo() {}', '  async bar() {}', '}'].join('\n');
  const r = await judgeFile('foobar', FILE, { source, schedules: 5 });
  expect(r.verdict).toBe('RTE');
  expect(r.cases[0].failure!.message).toBe('the constructor threw RangeError: no (at crash.ts:3)');
});
