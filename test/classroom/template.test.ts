/**
 * The example assignment (templates/assignment) as a student uses it: `npm test` runs jest with
 * `interleave/jest`, one test per case. Run in a temp copy whose node_modules links this package
 * and its tools in, so no network is needed.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './cli';

const TEMPLATE = path.join(ROOT, 'templates', 'assignment');

/** A copy of the template with `node_modules` holding this package and the repository's tools. */
function assignmentCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'interleave-assignment-'));
  cpSync(TEMPLATE, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  const modules = path.join(dir, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(path.join(ROOT, 'node_modules'))) symlinkSync(path.join(ROOT, 'node_modules', name), path.join(modules, name));
  // `interleave` as `npm install` of the `file:` dependency would make it, its files linked in.
  const pkg = path.join(modules, 'interleave');
  mkdirSync(pkg);
  for (const part of ['bin', 'dist', 'harness', 'problems']) symlinkSync(path.join(ROOT, part), path.join(pkg, part));
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  // Until package.json exports `interleave/jest` itself, the copy adds the entry the template needs.
  manifest.exports['./jest'] ??= { types: './harness/jest/index.ts', default: './dist/harness/jest/index.js' };
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

function npmTest(cwd: string): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && !k.startsWith('JEST_')));
  const child = spawn('npm', ['test'], { cwd, env: { ...env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

describe('the example assignment template', () => {
  let dir = '';
  beforeAll(() => {
    dir = assignmentCopy();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const solve = (rel: string) => cpSync(path.join(ROOT, 'problems', 'foobar', 'solutions', rel), path.join(dir, 'FooBar.ts'));

  test('ships the FooBar starter, a one-line test and a Classroom workflow using the action', () => {
    expect(readFileSync(path.join(dir, 'FooBar.ts'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'problems', 'foobar', 'template.ts'), 'utf8'));
    expect(readFileSync(path.join(dir, 'interleave.test.ts'), 'utf8')).toMatch(/import \{ judge \} from 'interleave\/jest';\n\njudge\('foobar', '\.\/FooBar\.ts'\);/);
    const workflow = readFileSync(path.join(dir, '.github', 'workflows', 'classroom.yml'), 'utf8');
    expect(workflow).toContain('INTERLEAVE_RESULTS: "${{ steps.interleave.outputs.result }}"');
    expect(workflow).toContain('runners: interleave');
  });

  test('the starter and the test type-check (interleave/sync and interleave/jest resolve, as in an editor)', async () => {
    const tsc = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: dir, stdio: 'pipe' });
    let output = '';
    tsc.stdout.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise((resolve) => tsc.on('close', resolve));
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  test('`npm test` passes for a correct FooBar, one test per case', async () => {
    solve('accepted/semaphores.ts');
    const r = await npmTest(dir);
    expect(r.output).toMatch(/PASS .*interleave\.test\.ts/);
    for (const n of [1, 2, 5, 50, 1000]) expect(r.output).toContain(`✓ n = ${n} (20 points)`);
    expect(r.output).toContain('Tests:       5 passed, 5 total');
    expect(r.code).toBe(0);
  }, 120_000);

  test('`npm test` fails for a buggy FooBar, with the verdict, the trace and the replay command', async () => {
    solve('deadlock/course_two_events.ts');
    const r = await npmTest(dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('✓ n = 1 (20 points)');
    expect(r.output).toContain('✕ n = 2 (20 points)');
    expect(r.output).toContain('● foobar · FooBar.ts › n = 2 (20 points)');
    expect(r.output).toContain('DL deadlock: bar is blocked and no thread can proceed');
    expect(r.output).toMatch(/waits in Event\.wait\(\)\s+FooBar\.ts:29/);
    expect(r.output).toMatch(/replay {2}npx interleave run foobar FooBar\.ts --replay IL2\.[\w-]+/);
    expect(r.output).toContain('Tests:       4 failed, 1 passed, 5 total');
  }, 120_000);

  test('`npm test` fails, instead of hanging, for a FooBar that never yields', async () => {
    writeFileSync(path.join(dir, 'FooBar.ts'), 'export class FooBar {\n  async foo(p: () => void) {\n    for (;;) {}\n  }\n  async bar(p: () => void) {}\n}\n');
    const r = await npmTest(dir);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('TLE time limit exceeded: Stopped after 10 s of wall-clock time');
    expect(r.output).toContain('Tests:       5 failed, 5 total');
  }, 120_000);
});
