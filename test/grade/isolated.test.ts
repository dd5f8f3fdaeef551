/** judgeIsolated: one job under the batch's containment (what `interleave run` guards itself with). */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { ProblemResult } from '../../harness/model/result';
import { ROOT } from './cli';

/** Runs judgeIsolated in a fresh Node (jest cannot load tinypool) and returns its result. */
function isolated(student: string, limits: { memoryMb: number; wallMs: number }): ProblemResult {
  const file = path.join(__dirname, 'fixtures', 'class', student, 'Foo.ts');
  const script = `
    const { judgeIsolated, limitsFor } = require(${JSON.stringify(path.join(ROOT, 'dist', 'harness', 'pool', 'index.js'))});
    judgeIsolated({ student: '', problemId: 'print-in-order', file: ${JSON.stringify(file)}, displayName: 'Foo.ts', maxScore: 100 },
      limitsFor(${limits.memoryMb}, ${limits.wallMs})).then((r) => process.stdout.write(JSON.stringify(r)));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as ProblemResult;
}

describe('judgeIsolated', () => {
  test('judges a correct file as in a batch', () => {
    const r = isolated('alice', { memoryMb: 256, wallMs: 20_000 });
    expect([r.verdict, r.score, r.file]).toEqual(['AC', 100, 'Foo.ts']);
  }, 60_000);

  test('stops a file that never yields at the wall clock: TLE with the problem’s points', () => {
    const r = isolated('regex-bomb', { memoryMb: 256, wallMs: 1500 });
    expect([r.verdict, r.score, r.maxScore]).toEqual(['TLE', 0, 100]);
    expect(r.error?.message).toMatch(/^Stopped after 1\.5 s of wall-clock time/);
  }, 60_000);

  test('stops a buffer bomb: MLE', () => {
    const r = isolated('buffer-bomb', { memoryMb: 96, wallMs: 20_000 });
    expect(r.verdict).toBe('MLE');
  }, 60_000);
});
