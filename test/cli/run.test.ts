/**
 * `interleave run` as a user calls it: the compiled CLI in a subprocess (the sandbox's pool
 * cannot load inside jest). Needs `npm run build` first, which `npm test` does.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const sol = (p: string): string => path.join(ROOT, 'problems', p);

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/interleave.js'), 'run', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  // A run that did not end by itself says so, with what it printed (not a JSON parse error later).
  if (r.error || r.signal) {
    throw new Error(`interleave run ${args.join(' ')}: ${r.error?.message ?? `killed by ${r.signal}`}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('an accepted solution exits 0 and says what was explored', () => {
  const r = run('foobar', sol('foobar/solutions/accepted/semaphores.ts'));
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^AC accepted {2}100\/100 points/m);
  expect(r.stdout).toMatch(/start orders × 200 schedules/);
});

test('--json prints the result object with problem, verdict, score, maxScore and replay', () => {
  const r = run('foobar', sol('foobar/solutions/deadlock/course_two_events.ts'), '--json');
  expect(r).toMatchObject({ status: 1 }); // a failure shows what it printed
  const json = JSON.parse(r.stdout);
  expect(json).toMatchObject({ problem: 'foobar', verdict: 'DL', score: 20, maxScore: 100 });
  expect(json.replay).toMatch(/^IL\d+\./);
});

test('the course FooBar deadlocks, and its replay token reproduces the identical trace', () => {
  const first = JSON.parse(run('foobar', sol('foobar/solutions/deadlock/course_two_events.ts'), '--json').stdout);
  const failure = first.cases.find((c: { failure?: unknown }) => c.failure).failure;
  expect(failure.blocked.map((b: { thread: string }) => b.thread)).toContain('bar');
  const again = JSON.parse(run('foobar', sol('foobar/solutions/deadlock/course_two_events.ts'), '--json', '--replay', first.replay).stdout);
  expect(again.verdict).toBe('DL');
  expect(again.cases[0].failure.trace).toEqual(failure.trace);
});

test('the problem is found from the file name when it is left out', () => {
  const r = run(path.join(ROOT, 'submissions/ada/FooBar.ts'));
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^foobar /m);
});

test('a synchronous endless loop is stopped by the time limit: TLE', () => {
  const r = run('foobar', sol('foobar/solutions/time_limit_exceeded/spin_without_await.ts'), '--json');
  expect(r).toMatchObject({ status: 1 }); // a failure shows what it printed
  expect(JSON.parse(r.stdout).verdict).toBe('TLE');
});

test('a spin on `await null` through a case of 600,000 steps is TLE at its loop, within the memory limit (it was MLE)', () => {
  const r = run('zero-even-odd', sol('zero-even-odd/solutions/time_limit_exceeded/await_null_turns.ts'), '--json');
  expect(r).toMatchObject({ status: 1 });
  const result = JSON.parse(r.stdout);
  expect(result.verdict).toBe('TLE');
  const last = result.cases[result.cases.length - 1];
  expect(last).toMatchObject({ verdict: 'TLE' });
  expect(last.failure.message).toMatch(/more than 600,000 scheduling steps/);
  expect(last.failure.message).toMatch(/(in the loop at|at await null,) await_null_turns\.ts:\d+/);
});

test.each([
  [['nonesuch', 'x.ts'], /no such file: x\.ts/],
  [['nonesuch', sol('foobar/solutions/accepted/semaphores.ts')], /unknown problem "nonesuch"; the problems are: /],
  [['foobar', sol('foobar/solutions/accepted/semaphores.ts'), '--seed', 'abc'], /--seed must be a whole number/],
  [['foobar', sol('foobar/solutions/accepted/semaphores.ts'), '--strategy', 'lucky'], /unknown strategy "lucky": the strategies are portfolio, random, pct, dfs/],
  [['foobar', sol('foobar/solutions/accepted/semaphores.ts'), '--frobnicate'], /unknown option --frobnicate/],
  [['foobar', sol('foobar/solutions/accepted/semaphores.ts'), '--replay', 'nonsense'], /not a replay token/],
])('a mistake in the command (%j) is a clear message and exit 2', (args, message) => {
  const r = run(...(args as string[]));
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message as RegExp);
});

test('the same file and seed give the same verdict and trace, run after run', () => {
  const a = run('pipeline', sol('pipeline/solutions/wrong_answer/if_instead_of_while.ts'), '--json', '--seed', '7');
  const b = run('pipeline', sol('pipeline/solutions/wrong_answer/if_instead_of_while.ts'), '--json', '--seed', '7');
  const strip = (s: string): unknown => {
    const j = JSON.parse(s);
    return { verdict: j.verdict, replay: j.replay, trace: j.cases.find((c: { failure?: unknown }) => c.failure)?.failure.trace };
  };
  expect(strip(a.stdout)).toEqual(strip(b.stdout));
  expect(JSON.parse(a.stdout).verdict).toBe('WA');
});
