import { deathResult, explainDeath } from '../../harness/pool/death';
import { validateProblemResult } from '../../harness/model/validate';

describe('a worker that dies gives its job a verdict', () => {
  test.each([
    [{ kind: 'cpu', limitMs: 10_000 }, 'TLE', /^Stopped after 10 s of CPU time, the limit for judging one file/],
    [{ kind: 'wall', limitMs: 20_000 }, 'TLE', /^Stopped after 20 s of wall-clock time, the limit for judging one file/],
    [{ kind: 'wall', limitMs: 100_000, cpuLimitMs: 10_000 }, 'TLE', /^Stopped after 100 s of wall-clock time, 10 times the limit of 10 s of CPU time/],
    [{ kind: 'rss', limitMb: 672, usedMb: 700.4 }, 'MLE', /^Stopped at 700 MB of memory \(limit 672 MB/],
    [{ kind: 'exit', code: null, signal: 'SIGABRT', stderr: '', heapMb: 512 }, 'MLE', /heap reached its limit of 512 MB/],
    [{ kind: 'exit', code: 134, signal: null, stderr: 'FATAL ERROR: Reached heap limit', heapMb: 64 }, 'MLE', /limit of 64 MB/],
    [{ kind: 'exit', code: 3, signal: null, stderr: 'bye\n', heapMb: 64 }, 'RTE', /stopped abruptly \(exit code 3\).*Its last words: "bye"/],
    [{ kind: 'exit', code: null, signal: 'SIGKILL', stderr: '', heapMb: 64 }, 'RTE', /killed by SIGKILL/],
    [{ kind: 'start', attempts: 2, detail: 'it did not start within 15 s' }, 'JE', /No judge worker could take this job \(2 attempts\)/],
    [{ kind: 'judge', detail: 'boom' }, 'JE', /^The judge failed on this file: boom\. This is the judge's fault/],
  ] as const)('%j → %s', (death, verdict, message) => {
    const explained = explainDeath(death);
    expect(explained.verdict).toBe(verdict);
    expect(explained.message).toMatch(message);
  });

  test('the result is a well-formed ProblemResult with no points, every case failed', () => {
    const job = { student: 'a', problemId: 'foobar', file: '/x/a/FooBar.ts', displayName: 'a/FooBar.ts', seed: 3, maxScore: 100 };
    const result = deathResult(job, { kind: 'wall', limitMs: 1000 }, 1000.4);
    expect(validateProblemResult(result)).toBe(result);
    expect(result.cases.length).toBeGreaterThan(0);
    expect(result.cases.every((c) => c.verdict === 'TLE' && c.points === 0)).toBe(true);
    expect({ ...result, cases: [] }).toEqual({
      problem: 'foobar',
      file: 'a/FooBar.ts',
      verdict: 'TLE',
      score: 0,
      maxScore: 100,
      seed: 3,
      timeMs: 1000,
      cases: [],
      error: { message: expect.stringMatching(/^Stopped after 1 s/) },
    });
  });
});
