/**
 * `interleave classroom` end to end, as a GitHub Actions step runs it: a repository with a
 * partly right solution, an accepted one, one that does not compile, one that never yields, and
 * one whose exception tries to issue workflow commands.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeAutograding, type AutogradingResult } from '../../harness/classroom/autograding';
import type { GradescopeResults } from '../../harness/classroom/gradescope';
import type { ProblemResult } from '../../harness/model/result';
import { interleave, ROOT, type Finished } from './cli';

const PROBLEMS = 'foobar,print-in-order,zero-even-odd,race-counter,pipeline';

function makeRepo(root: string): void {
  const put = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const solution = (problem: string, rel: string) => readFileSync(path.join(ROOT, 'problems', problem, 'solutions', rel), 'utf8');
  put('src/FooBar.ts', solution('foobar', 'deadlock/course_two_events.ts'));
  put('Foo.ts', solution('print-in-order', 'accepted/busy_wait_yield.ts'));
  put('node_modules/decoy/FooBar.ts', solution('foobar', 'accepted/semaphores.ts'));
  put('ZeroEvenOdd.ts', ['export class ZeroEvenOdd {', '  async zero(p: (x: number) => void) {', '    const x = ;', '  }', '}', ''].join('\n'));
  put(
    'FakeDatabase.ts',
    [
      'export class FakeDatabase {',
      '  value = 0;',
      '  async update(name: number): Promise<void> {',
      "    throw new Error('gotcha\\n::add-mask::hunter2\\n::error file=x.ts,line=1::pwned\\n::warning::pwned');",
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  put('Pipeline.ts', ['export class Pipeline {', '  async setMessage(m: string) {', '    for (;;) {}', '  }', '  async getMessage() {', "    return '';", '  }', '}', ''].join('\n'));
}

describe('interleave classroom on GitHub Actions', () => {
  let root = '';
  let run: Finished;
  let payload: AutogradingResult;
  let judged: ProblemResult[];

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'interleave-classroom-'));
    makeRepo(path.join(root, 'repo'));
    writeFileSync(path.join(root, 'output'), '');
    run = await interleave(['classroom', '--problems', PROBLEMS, '--out', 'out', '--gradescope', '../gradescope/results.json'], path.join(root, 'repo'), {
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: path.join(root, 'output'),
      GITHUB_STEP_SUMMARY: path.join(root, 'summary.md'),
      GITHUB_WORKSPACE: path.join(root, 'repo'),
    });
    const line = readFileSync(path.join(root, 'output'), 'utf8').trim();
    payload = decodeAutograding(line.replace(/^result=/, ''));
    judged = JSON.parse(readFileSync(path.join(root, 'repo', 'out', 'problem-results.json'), 'utf8')) as ProblemResult[];
  }, 120_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('completes with exit status 0 and sets the step output `result`', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(root, 'output'), 'utf8')).toMatch(/^result=[A-Za-z0-9+/]+=*\n$/);
  });

  test('the payload has one test per case of every problem, with the judged points', () => {
    expect(payload.version).toBe(1);
    expect(payload.status).toBe('fail');
    const byProblem = (id: string) => payload.tests.filter((t) => t.name.startsWith(`${id} › `));
    for (const r of judged) {
      const spec = JSON.parse(readFileSync(path.join(ROOT, 'problems', r.problem, 'problem.json'), 'utf8')) as { cases: { name: string; points: number }[] };
      const tests = byProblem(r.problem);
      expect(tests.map((t) => [t.name, t.max_score])).toEqual(spec.cases.map((c) => [`${r.problem} › ${c.name}`, c.points]));
      expect(tests.reduce((a, t) => a + t.score, 0)).toBe(r.score);
    }
    expect(payload.max_score).toBe(judged.reduce((a, r) => a + r.maxScore, 0));
  });

  test('its total, as the reporter sums it, is the total the console table shows', () => {
    const points = payload.tests.reduce((a, t) => a + t.score, 0);
    expect(points).toBe(20 + 100);
    expect(run.stdout).toContain(`Points ${points}/${payload.max_score}`);
    expect(payload.max_score).toBe(500);
  });

  test('partial credit and the replay command for the deadlocking FooBar; node_modules is not searched', () => {
    const foobar = payload.tests.filter((t) => t.name.startsWith('foobar › '));
    expect(foobar.map((t) => [t.status, t.score])).toEqual([['pass', 20], ['fail', 0], ['fail', 0], ['fail', 0], ['fail', 0]]);
    expect(foobar[1]).toMatchObject({ filename: 'src/FooBar.ts', line_no: 29 });
    expect(foobar[1].test_code).toMatch(/^npx interleave run foobar src\/FooBar\.ts --replay IL3\./);
    expect(foobar[1].message).toMatch(/^DL deadlock: bar is blocked/);
  });

  test('a file that does not compile: fail, zero points, the compile error with file:line', () => {
    const zeo = payload.tests.filter((t) => t.name.startsWith('zero-even-odd › '));
    expect(zeo.every((t) => t.status === 'fail' && t.score === 0)).toBe(true);
    expect(zeo[0]).toMatchObject({ filename: 'ZeroEvenOdd.ts', line_no: 3 });
    expect(zeo[0].message).toMatch(/^CE compile error: ZeroEvenOdd\.ts:3:\d+: /);
  });

  test('a file that never yields: stopped, its loop named, zero points', () => {
    const pipeline = payload.tests.filter((t) => t.name.startsWith('pipeline › '));
    expect(pipeline).toHaveLength(5);
    expect(pipeline.every((t) => t.status === 'fail' && t.score === 0 && /^TLE time limit exceeded: the loop at Pipeline\.ts:3 in thread producer(-1)? went round/.test(t.message))).toBe(true);
  });

  test('agrees with `interleave run --json` on each file', async () => {
    for (const [problem, file] of [['foobar', 'src/FooBar.ts'], ['print-in-order', 'Foo.ts']]) {
      const r = await interleave(['run', problem, file, '--json'], path.join(root, 'repo'));
      const single = JSON.parse(r.stdout) as ProblemResult;
      const tests = payload.tests.filter((t) => t.name.startsWith(`${problem} › `));
      expect(tests.reduce((a, t) => a + t.score, 0)).toBe(single.score);
      expect(tests.map((t) => t.status === 'pass')).toEqual(single.cases.map((c) => c.verdict === 'AC'));
    }
  }, 60_000);

  test('learner output that looks like workflow commands stays inside the stop-commands block', () => {
    const lines = run.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[start].slice('::stop-commands::'.length);
    expect(token).toMatch(/^interleave-[0-9a-f]{32}$/);
    const end = lines.indexOf(`::${token}::`);
    expect(start).toBe(0);
    expect(end).toBeGreaterThan(start);
    const inside = lines.slice(start + 1, end).join('\n');
    expect(inside).toContain('::add-mask::hunter2');
    expect(inside).toContain('::error file=x.ts,line=1::pwned');
    const outside = [...lines.slice(0, start), ...lines.slice(end + 1)];
    // Outside the block, only our annotations are commands, and learner text in them is escaped.
    for (const l of outside.filter((x) => x.startsWith('::'))) expect(l).toMatch(/^::error file=[^:]*,title=[^:]*::|^::error file=[^:]*,line=\d+,title=[^:]*::/);
    expect(outside.some((l) => /^\s*::(add-mask|warning)::/.test(l))).toBe(false);
    expect(outside.join('\n')).not.toMatch(/^::error file=x\.ts/m);
  });

  test('annotates each failure at the learner line, escaped', () => {
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=src\/FooBar\.ts,line=29,title=foobar%3A DL in case n = 2::DL deadlock: bar is blocked.*%0Anpx interleave run foobar src\/FooBar\.ts --replay IL3\./));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=ZeroEvenOdd\.ts,line=3,title=zero-even-odd%3A CE::CE compile error: ZeroEvenOdd\.ts:3:/));
    expect(annotations).toContainEqual(expect.stringMatching(/^::error file=FakeDatabase\.ts,line=4,title=race-counter%3A RTE in case .*::RTE run-time error: .*Error: gotcha⏎::add-mask::hunter2⏎/));
    expect(annotations.length).toBeLessThanOrEqual(10);
  });

  test('writes the job summary with the points, the case table and the replay commands', () => {
    const md = readFileSync(path.join(root, 'summary.md'), 'utf8');
    expect(md).toMatch(/^## Interleave: 120\/500 points/);
    expect(md).toContain('| foobar | `src/FooBar.ts` | n = 2 | ❌ DL | 0/20 |');
    expect(md).toMatch(/```sh\nnpx interleave run foobar src\/FooBar\.ts --replay IL3\.[\w.-]+\n```/);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
  });

  test('writes Gradescope\'s results file with its documented fields and the same score', () => {
    const gs = JSON.parse(readFileSync(path.join(root, 'gradescope', 'results.json'), 'utf8')) as GradescopeResults;
    expect(gs.score).toBe(120);
    expect(gs.tests).toHaveLength(payload.tests.length);
    for (const t of gs.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
      expect(t.status).toBe(t.score === t.max_score ? 'passed' : 'failed');
    }
  });
});

describe('interleave classroom elsewhere', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'interleave-classroom-'));
    cpSync(path.join(ROOT, 'problems', 'print-in-order', 'solutions', 'accepted', 'busy_wait_yield.ts'), path.join(root, 'Foo.ts'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('outside Actions prints the table and `result=…`, and no workflow commands', async () => {
    const r = await interleave(['classroom'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/^::/m);
    expect(r.stdout).toContain('Points 100/100');
    const encoded = r.stdout.match(/^result=(\S+)$/m)?.[1];
    expect(decodeAutograding(encoded!)).toMatchObject({ status: 'pass', max_score: 100, tests: [{ name: 'print-in-order › one call each', status: 'pass', score: 100 }] });
  }, 60_000);

  test('a problem whose file is missing scores zero, with a message saying what to create', async () => {
    const r = await interleave(['classroom', '--problems', 'print-in-order,foobar'], root);
    expect(r.code).toBe(0);
    const encoded = r.stdout.match(/^result=(\S+)$/m)?.[1];
    const payload = decodeAutograding(encoded!);
    expect(payload).toMatchObject({ status: 'fail', max_score: 200 });
    const foobar = payload.tests.filter((t) => t.name.startsWith('foobar › '));
    expect(foobar.map((t) => [t.status, t.score, t.max_score])).toEqual(Array(5).fill(['fail', 0, 20]));
    expect(foobar[0].message).toMatch(/^CE compile error: FooBar\.ts not found: problem foobar is graded from a file named FooBar\.ts/);
    expect(r.stdout).toContain('Points 100/200');
  }, 60_000);

  test('a mistake in the command exits 2 and still leaves an error result for the reporter', async () => {
    writeFileSync(path.join(root, 'output'), '');
    const r = await interleave(['classroom', '--problems', 'fooba'], root, { GITHUB_OUTPUT: path.join(root, 'output') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown problem "fooba" in --problems; the problems are: ');
    const out = readFileSync(path.join(root, 'output'), 'utf8').trim().replace(/^result=/, '');
    expect(decodeAutograding(out)).toMatchObject({ version: 1, status: 'error', max_score: 0, tests: [{ status: 'error', score: 0 }] });
  }, 60_000);
});
