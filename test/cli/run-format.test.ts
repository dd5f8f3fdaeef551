/**
 * `interleave run --format`: one judged file through the reporters that report on a run
 * (console, json, junit); `--json` keeps meaning `--format json`.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DEADLOCK = path.join(ROOT, 'problems/foobar/solutions/deadlock/course_two_events.ts');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/interleave.js'), 'run', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('--format junit prints a junit.xml with a testcase per case, failures as <failure>', () => {
  const r = run('foobar', DEADLOCK, '--format', 'junit');
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
  expect(r.stdout).toMatch(/<testsuite name="[^"]*course_two_events\.ts" tests="5" failures="4" errors="0"/);
  expect(r.stdout).toMatch(/<testcase name="n = 1" classname="[^"]*\.foobar" time="[\d.]+"\/>/);
  expect(r.stdout).toMatch(/<failure message="DL: /);
});

test('--format json and --json print the same result object', () => {
  const a = JSON.parse(run('foobar', DEADLOCK, '--format', 'json').stdout);
  const b = JSON.parse(run('foobar', DEADLOCK, '--json').stdout);
  expect(a).toMatchObject({ problem: 'foobar', verdict: 'DL', score: 20, maxScore: 100 });
  expect({ ...a, timeMs: 0, cases: a.cases.map((c: { name: string; verdict: string }) => [c.name, c.verdict]) }).toEqual({
    ...b,
    timeMs: 0,
    cases: b.cases.map((c: { name: string; verdict: string }) => [c.name, c.verdict]),
  });
});

test.each([
  [['--format', 'xml'], /--format must be one of console, json, junit, got "xml"/],
  [['--format', 'jsn'], /--format must be one of console, json, junit, got "jsn"; did you mean json\?/],
  [['--format', 'junit', '--json'], /--json and --format junit ask for two formats; give one/],
])('%j is a usage error (exit 2) that says what to give', (flags, message) => {
  const r = run('foobar', DEADLOCK, ...flags);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(message);
});

test('a reader that stops reading (`| head`) ends the output, not with a crash: the exit status is the verdict\'s', () => {
  // Far more than a pipe holds (the off-by-one's result is about half a megabyte): `head -c 10` leaves early.
  const file = path.join(ROOT, 'problems/foobar/solutions/wrong_answer/off_by_one.ts');
  const r = spawnSync('bash', ['-c', `"${process.execPath}" bin/interleave.js run foobar "${file}" --json | head -c 10; echo " status \${PIPESTATUS[0]}"`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
  expect(r.stdout).toMatch(/^\{\n {2}"probl status 1\n$/);
  expect(r.stderr).toBe('');
});
