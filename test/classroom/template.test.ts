/**
 * The example assignment (templates/assignment) where it is copied: a fresh folder outside this
 * repository, its README's steps (`npm install`, `npm test`), with the judge installed from this
 * checkout's `npm pack` in place of the registry's interleave-judge (same name, same version).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { installedTemplate, npm, sh, VERSION } from '../package/pack';
import { ROOT } from './cli';

describe('the example assignment template, copied out', () => {
  let dir = '';
  let remove = (): void => {};
  beforeAll(async () => {
    ({ dir, remove } = await installedTemplate('assignment'));
  }, 300_000);
  afterAll(() => remove());
  const solve = (rel: string) => cpSync(path.join(ROOT, 'problems', 'foobar', 'solutions', rel), path.join(dir, 'FooBar.ts'));

  test('ships the FooBar starter, a one-line test, and a workflow that runs the pinned npm package', () => {
    expect(readFileSync(path.join(dir, 'FooBar.ts'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'problems', 'foobar', 'template.ts'), 'utf8'));
    expect(readFileSync(path.join(dir, 'interleave.test.ts'), 'utf8')).toMatch(/import \{ judge \} from 'interleave\/jest';\n\njudge\('foobar', '\.\/FooBar\.ts'\);/);
    const workflow = readFileSync(path.join(dir, '.github', 'workflows', 'classroom.yml'), 'utf8');
    expect(workflow).toContain(`run: npx --yes interleave-judge@${VERSION} classroom --problems foobar`);
    expect(workflow).toContain('INTERLEAVE_RESULTS: "${{ steps.interleave.outputs.result }}"');
    expect(workflow).toContain('runners: interleave');
    expect(workflow).not.toMatch(/OWNER|file:\.\./);
    const action = readFileSync(path.join(ROOT, 'action.yml'), 'utf8');
    expect(action).toContain('npx --yes "interleave-judge@$IL_VERSION"');
    expect(action).toContain(`default: '${VERSION}'`);
    expect(action).not.toContain('OWNER/');
  });

  test('the starter and the test type-check (interleave/sync and interleave/jest resolve through the alias, as in an editor)', () => {
    const r = sh(process.execPath, [path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], dir);
    expect(r.stdout).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  test('`npm test` passes for a correct FooBar, one test per case', async () => {
    solve('accepted/semaphores.ts');
    const r = await npm(['test'], dir);
    expect(r.output).toMatch(/PASS .*interleave\.test\.ts/);
    for (const n of [1, 2, 5, 50, 1000]) expect(r.output).toContain(`✓ n = ${n} (20 points)`);
    expect(r.output).toContain('Tests:       5 passed, 5 total');
    expect(r.code).toBe(0);
  }, 120_000);

  test('`npm test` fails for a buggy FooBar, with the verdict, the trace and a replay command that works there', async () => {
    solve('deadlock/course_two_events.ts');
    const r = await npm(['test'], dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('✓ n = 1 (20 points)');
    expect(r.output).toContain('✕ n = 2 (20 points)');
    expect(r.output).toContain('DL deadlock: bar is blocked and no thread can proceed');
    expect(r.output).toMatch(/waits in this\.events\[0\]\.wait\(\)\s+FooBar\.ts:29/);
    const replay = /replay {2}(npx interleave run foobar FooBar\.ts --replay IL\d+\.[\w-]+)/.exec(r.output);
    expect(replay).not.toBeNull();
    expect(r.output).toContain('Tests:       4 failed, 1 passed, 5 total');
    // The printed command, pasted in the assignment folder, replays the failure.
    const again = sh('npx', replay![1].split(' ').slice(1), dir);
    expect(again.stdout).toMatch(/^DL /m);
    expect(again.status).toBe(1);
  }, 180_000);

  test('`npm test` fails, instead of hanging, for a FooBar that never yields', async () => {
    writeFileSync(path.join(dir, 'FooBar.ts'), 'export class FooBar {\n  async foo(p: () => void) {\n    for (;;) {}\n  }\n  async bar(p: () => void) {}\n}\n');
    const r = await npm(['test'], dir);
    expect(r.code).not.toBe(0);
    // Stopped and named by the loop guard, long before the wall clock.
    expect(r.output).toContain('TLE time limit exceeded: the loop at FooBar.ts:3 in thread foo went round 10,000,000 times without reaching a switch point');
    expect(r.output).toContain('Tests:       5 failed, 5 total');
  }, 120_000);

  test('`npm run grade` (the classroom command) prints the points and the Classroom result', async () => {
    solve('accepted/semaphores.ts');
    const r = await npm(['run', 'grade'], dir);
    expect(r.output).toMatch(/result=[A-Za-z0-9+/=]+/);
    expect(r.output).toMatch(/100\/100/);
    expect(r.code).toBe(0);
  }, 120_000);
});
