/**
 * The Python assignment (templates/assignment-python) as a learner uses it: copied to a fresh
 * folder outside this repository, its README's steps (`npm install`, `npm test`, `npm run grade`),
 * with the judge installed from this checkout's `npm pack` in place of the registry's
 * interleave-judge (same name, same version). `judge('foobar', './FooBar.py')` is the jest helper
 * on a Python file; `npm run grade` is `interleave classroom` on one.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { installedTemplate, npm, sh, VERSION } from '../package/pack';
import { ROOT } from './helpers';

describe('the Python assignment template, copied out', () => {
  let dir = '';
  let remove = (): void => {};
  beforeAll(async () => {
    ({ dir, remove } = await installedTemplate('assignment-python'));
  }, 300_000);
  afterAll(() => remove());
  const solve = (rel: string) => cpSync(path.join(ROOT, 'problems', 'foobar', 'solutions', rel), path.join(dir, 'FooBar.py'));

  test('ships a FooBar.py starter, a one-line test, and a workflow that sets up Python and runs the pinned npm package', () => {
    expect(readFileSync(path.join(dir, 'FooBar.py'), 'utf8')).toMatch(/^class FooBar:\n {4}def __init__\(self, n\):/m);
    expect(readFileSync(path.join(dir, 'interleave.test.ts'), 'utf8')).toMatch(/import \{ judge \} from 'interleave\/jest';\n\njudge\('foobar', '\.\/FooBar\.py'\);/);
    const workflow = readFileSync(path.join(dir, '.github', 'workflows', 'classroom.yml'), 'utf8');
    expect(workflow).toContain('uses: actions/setup-python@v5');
    expect(workflow).toContain(`run: npx --yes interleave-judge@${VERSION} classroom --problems foobar`);
    expect(workflow).toContain('INTERLEAVE_RESULTS: "${{ steps.interleave.outputs.result }}"');
  });

  test('the starter as shipped runs and is a wrong answer (it does not synchronize yet), not an error of the setup', async () => {
    const r = await npm(['test'], dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/FAIL .*interleave\.test\.ts/);
    expect(r.output).toContain('WA wrong answer');
    expect(r.output).not.toMatch(/did not answer|without a verdict|CE compile error|JE /);
  }, 180_000);

  test('`npm test` passes for a correct FooBar.py, one test per case', async () => {
    solve('accepted/semaphores.py');
    const r = await npm(['test'], dir);
    expect(r.output).toMatch(/PASS .*interleave\.test\.ts/);
    for (const n of [1, 2, 5, 50, 1000]) expect(r.output).toContain(`✓ n = ${n} (20 points)`);
    expect(r.output).toContain('Tests:       5 passed, 5 total');
    expect(r.code).toBe(0);
  }, 180_000);

  test('`npm test` fails for the course’s FooBar.py, with the verdict, the .py lines and a replay command that works there', async () => {
    solve('deadlock/course_two_events.py');
    const r = await npm(['test'], dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('✓ n = 1 (20 points)');
    expect(r.output).toContain('✕ n = 2 (20 points)');
    expect(r.output).toMatch(/DL deadlock: \w+ is blocked and no thread can proceed/);
    expect(r.output).toMatch(/waits in self\.event\[\d\]\.wait\(\)\s+FooBar\.py:\d+/);
    const replay = /replay {2}(npx interleave run foobar FooBar\.py --replay IL\d+\.[\w-]+)/.exec(r.output);
    expect(replay).not.toBeNull();
    expect(r.output).toContain('Tests:       4 failed, 1 passed, 5 total');
    const again = sh('npx', replay![1].split(' ').slice(1), dir);
    expect(again.stdout).toMatch(/^DL /m);
    expect(again.status).toBe(1);
  }, 180_000);

  test('`npm test` fails, instead of hanging, for a FooBar.py that never reaches a switch point', async () => {
    writeFileSync(path.join(dir, 'FooBar.py'), 'class FooBar:\n    def __init__(self, n):\n        pass\n\n    def foo(self, p):\n        while True:\n            pass\n\n    def bar(self, p):\n        pass\n');
    const r = await npm(['test'], dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('TLE');
    expect(r.output).toMatch(/without reaching a switch point/);
    expect(r.output).toContain('FooBar.py:6');
  }, 180_000);

  test('`npm run grade` (the classroom command) prints the points and the Classroom result', async () => {
    solve('accepted/semaphores.py');
    const r = await npm(['run', 'grade'], dir);
    expect(r.output).toMatch(/result=[A-Za-z0-9+/=]+/);
    expect(r.output).toMatch(/100\/100/);
    expect(r.code).toBe(0);
  }, 180_000);
});
