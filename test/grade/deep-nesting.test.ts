/**
 * One student's deeply nested file crashed the esbuild service every compile of the grade shares:
 * classmates whose compiles were in flight or came after got CE, which ones depending on timing,
 * and the Go stack trace filled the grader's output. Graded by the real CLI with one worker and
 * with two: the classmates' verdicts are their own, and only the deep files are CE.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClassResults } from '../../harness/model/class-results';
import { classCopy, grade } from './cli';

describe.each([1, 2])('interleave grade --workers %i with deeply nested files in the class', (workers) => {
  const work = classCopy('class');
  afterAll(() => work.cleanup());

  test('each deep file gets its own CE, every classmate the verdict they get without it, and no Go trace is printed', async () => {
    const cls = path.join(work.root, 'deep');
    const student = (name: string, from: string, extra = ''): void => {
      mkdirSync(path.join(cls, name), { recursive: true });
      cpSync(path.join(work.dir, from, 'Foo.ts'), path.join(cls, name, 'Foo.ts'));
      if (extra) appendFileSync(path.join(cls, name, 'Foo.ts'), extra);
    };
    // Before and after the attackers in the order jobs are taken.
    student('aaron', 'alice');
    student('brackets', 'alice', `export const x = ${'['.repeat(340_000)}${']'.repeat(340_000)};\n`);
    student('chain', 'alice', `let a: any;\nexport const y = ${'a='.repeat(250_000)}1;\n`);
    student('dora', 'carol');
    student('zoe', 'bob');

    const r = await grade([cls, '--out', path.join(work.root, 'out'), '--workers', String(workers), '--problems', 'print-in-order'], work.root);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/goroutine|stack overflow|service/);
    const results = JSON.parse(readFileSync(path.join(work.root, 'out', 'results.json'), 'utf8')) as ClassResults;
    const verdicts = Object.fromEntries(results.students.map((s) => [s.student, s.problems[0].verdict]));
    expect(verdicts).toEqual({ aaron: 'AC', brackets: 'CE', chain: 'CE', dora: 'WA', zoe: 'AC' });
    const said = (name: string): string => JSON.stringify(results.students.find((s) => s.student === name));
    expect(said('brackets')).toMatch(/"Foo\.ts:\d+:\d+: brackets nested more than 500 levels deep here/);
    expect(said('chain')).toMatch(/"Foo\.ts: the compiler crashed on this file \(esbuild ran out of stack\)/);
  }, 60_000);
});
