/**
 * `interleave classroom` on an assignment repository of Python files, as a GitHub Actions step
 * runs it: the course's deadlocking FooBar.py, an accepted Foo.py, a ZeroEvenOdd.py that does not
 * parse, and a FakeDatabase.py whose exception tries to issue workflow commands. Points, the
 * annotations at the learner's .py lines, the job summary and the replay commands are what a
 * TypeScript repository gets.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeAutograding, type AutogradingResult } from '../../harness/classroom/autograding';
import type { ProblemResult } from '../../harness/model/result';
import { interleave, type Finished } from '../classroom/cli';
import { solution } from './helpers';

const PROBLEMS = 'foobar,print-in-order,zero-even-odd,race-counter';

describe('interleave classroom on a repository of Python files', () => {
  let root = '';
  let repo = '';
  let run: Finished;
  let payload: AutogradingResult;
  let judged: ProblemResult[];
  const put = (rel: string, text: string): void => {
    mkdirSync(path.dirname(path.join(repo, rel)), { recursive: true });
    writeFileSync(path.join(repo, rel), text);
  };

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'interleave-classroom-py-'));
    repo = path.join(root, 'repo');
    put('FooBar.py', readFileSync(solution('foobar', 'deadlock/course_two_events.py'), 'utf8'));
    put('Foo.py', readFileSync(solution('print-in-order', 'accepted/course_condition.py'), 'utf8'));
    put('ZeroEvenOdd.py', 'class ZeroEvenOdd:\n    def zero(self, printNumber)\n        pass\n');
    put(
      'FakeDatabase.py',
      ['class FakeDatabase:', '    def __init__(self):', '        self.value = 0', '', '    def update(self, name):', "        raise RuntimeError('gotcha\\n::add-mask::hunter2\\n::error file=x.py,line=1::pwned')", ''].join('\n'),
    );
    writeFileSync(path.join(root, 'output'), '');
    run = await interleave(['classroom', '--problems', PROBLEMS, '--out', 'out'], repo, {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: path.join(root, 'output'),
      GITHUB_STEP_SUMMARY: path.join(root, 'summary.md'),
      GITHUB_WORKSPACE: repo,
    });
    payload = decodeAutograding(readFileSync(path.join(root, 'output'), 'utf8').trim().replace(/^result=/, ''));
    judged = JSON.parse(readFileSync(path.join(repo, 'out', 'problem-results.json'), 'utf8')) as ProblemResult[];
  }, 240_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const tests = (problem: string) => payload.tests.filter((t) => t.name.startsWith(`${problem} › `));

  test('completes with exit status 0 and one test per case of every problem, with the judged points', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(judged.map((r) => [r.problem, r.file, r.verdict])).toEqual([
      ['foobar', 'FooBar.py', 'DL'],
      ['print-in-order', 'Foo.py', 'AC'],
      ['zero-even-odd', 'ZeroEvenOdd.py', 'CE'],
      ['race-counter', 'FakeDatabase.py', 'RTE'],
    ]);
    for (const r of judged) expect(tests(r.problem).reduce((a, t) => a + t.score, 0)).toBe(r.score);
    expect(run.stdout).toContain(`Points ${20 + 100}/${payload.max_score}`);
  });

  test('the deadlocking FooBar.py: partial credit, its .py line, and a replay command of the .py file', () => {
    const foobar = tests('foobar');
    expect(foobar.map((t) => [t.status, t.score])).toEqual([['pass', 20], ['fail', 0], ['fail', 0], ['fail', 0], ['fail', 0]]);
    const line = foobar[1].line_no!;
    expect(foobar[1].filename).toBe('FooBar.py');
    expect(readFileSync(path.join(repo, 'FooBar.py'), 'utf8').split('\n')[line - 1]).toMatch(/self\.event\[\d\]\.wait\(\)/);
    expect(foobar[1].test_code).toMatch(/^npx interleave run foobar FooBar\.py --replay IL3\./);
    expect(foobar[1].message).toMatch(/^DL deadlock: \w+ is blocked/);
  });

  test('a .py file that does not parse: zero points, the syntax error at its file:line', () => {
    const zeo = tests('zero-even-odd');
    expect(zeo.every((t) => t.status === 'fail' && t.score === 0)).toBe(true);
    expect(zeo[0]).toMatchObject({ filename: 'ZeroEvenOdd.py', line_no: 2 });
    expect(zeo[0].message).toMatch(/^CE compile error: ZeroEvenOdd\.py:2:\d+: SyntaxError: /);
  });

  test('annotations at the learner’s .py lines; the learner’s text stays inside the stop-commands block', () => {
    const lines = run.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[start].slice('::stop-commands::'.length);
    const end = lines.indexOf(`::${token}::`);
    expect(end).toBeGreaterThan(start);
    expect(lines.slice(start + 1, end).join('\n')).toContain('::error file=x.py,line=1::pwned');
    const outside = [...lines.slice(0, start), ...lines.slice(end + 1)];
    const annotations = outside.filter((l) => l.startsWith('::error '));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=FooBar\.py,line=\d+,title=foobar%3A DL in case n = 2::DL deadlock: .*%0Anpx interleave run foobar FooBar\.py --replay IL3\./));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=ZeroEvenOdd\.py,line=2,title=zero-even-odd%3A CE::CE compile error: ZeroEvenOdd\.py:2:/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=FakeDatabase\.py,line=6,title=race-counter%3A RTE in case .*::RTE run-time error: .*RuntimeError: gotcha⏎::add-mask::hunter2⏎/));
    expect(outside.some((l) => /^\s*::(add-mask|warning)::/.test(l) || /^::error file=x\.py/.test(l))).toBe(false);
  });

  test('the job summary has the points, the case table with the .py files and the replay commands', () => {
    const md = readFileSync(path.join(root, 'summary.md'), 'utf8');
    expect(md).toMatch(/^## Interleave: 120\/400 points/);
    expect(md).toContain('| foobar | `FooBar.py` | n = 2 | ❌ DL | 0/20 |');
    expect(md).toMatch(/```sh\nnpx interleave run foobar FooBar\.py --replay IL3\.[\w.-]+\n```/);
  });

  test('its replay command, run in the repository, gives the same deadlock', async () => {
    const cmd = tests('foobar')[1].test_code!.split(' ').slice(2);
    const again = await interleave([...cmd, '--json'], repo);
    const replayed = JSON.parse(again.stdout) as ProblemResult;
    expect(replayed.verdict).toBe('DL');
    const shown = judged[0].cases[1].failure!;
    expect(replayed.cases[0].failure!.trace.map((t) => t.text)).toEqual(shown.trace.map((t) => t.text));
  }, 60_000);
});
