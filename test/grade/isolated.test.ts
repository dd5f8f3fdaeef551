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

  test('stops a file that never yields at its time limit, in CPU time: TLE with the problem’s points', () => {
    const r = isolated('regex-bomb', { memoryMb: 256, wallMs: 1500 });
    expect([r.verdict, r.score, r.maxScore]).toEqual(['TLE', 0, 100]);
    expect(r.error?.message).toMatch(/^Stopped after 1\.5 s of CPU time, the limit for judging one file/);
  }, 60_000);

  /**
   * Judges a correct zero-even-odd (a few seconds of CPU) with a time limit of `limitMs`, and
   * stops its worker (SIGSTOP) for `stopMs` once it has judged for a moment: as an overloaded
   * machine would, but for certain. The clock runs on; the worker's CPU time does not.
   */
  function stalled(limitMs: number, stopMs: number, backstop = 10): ProblemResult {
    const file = path.join(ROOT, 'problems/zero-even-odd/solutions/accepted/promise_all_rlock_turns.ts');
    const script = `
      const fs = require('node:fs');
      // The workers, not esbuild's service (a child too, started first, to compile the file).
      const workers = () => fs.readFileSync('/proc/self/task/' + process.pid + '/children', 'latin1').split(' ').filter(Boolean).map(Number)
        .filter((pid) => { try { return !fs.readFileSync('/proc/' + pid + '/cmdline', 'latin1').includes('esbuild'); } catch { return false; } });
      // The job has started when the grader sets its wall-clock backstop: stop the worker a little
      // later (a fixed delay after the worker appears missed the job on a loaded machine, whose
      // worker took longer than that to start).
      const realSetTimeout = setTimeout;
      globalThis.setTimeout = (fn, ms, ...rest) => {
        if (ms === ${limitMs * backstop}) {
          realSetTimeout(() => {
            for (const pid of workers()) process.kill(pid, 'SIGSTOP');
            realSetTimeout(() => { for (const pid of workers()) process.kill(pid, 'SIGCONT'); }, ${stopMs});
          }, 200);
        }
        return realSetTimeout(fn, ms, ...rest);
      };
      const { judgeIsolated, limitsFor } = require(${JSON.stringify(path.join(ROOT, 'dist', 'harness', 'pool', 'index.js'))});
      judgeIsolated({ student: '', problemId: 'zero-even-odd', file: ${JSON.stringify(file)}, displayName: 'ZeroEvenOdd.ts', maxScore: 100 },
        { ...limitsFor(256, ${limitMs}), wallBackstop: ${backstop} }).then((r) => process.stdout.write(JSON.stringify(r)));`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as ProblemResult;
  }

  const linux = process.platform === 'linux' ? test : test.skip;

  linux('a correct file held up longer than its time limit (a loaded machine) is still AC: the limit counts CPU time', () => {
    const r = stalled(5_000, 6_000);
    expect([r.verdict, r.error?.message]).toEqual(['AC', undefined]);
  }, 60_000);

  linux('a worker held up past its wall-clock backstop (here four times its limit) is stopped by the clock, and the message says why', () => {
    const r = stalled(1_000, 6_000, 4);
    expect(r.verdict).toBe('TLE');
    expect(r.error?.message).toMatch(/^Stopped after 4 s of wall-clock time, 4 times the limit of 1 s of CPU time, without finishing.*overloaded: judge it again/);
  }, 60_000);

  test('stops a buffer bomb: MLE', () => {
    const r = isolated('buffer-bomb', { memoryMb: 96, wallMs: 20_000 });
    expect(r.verdict).toBe('MLE');
  }, 60_000);
});
