/**
 * The published package: what `npm pack` holds (no reference solutions, no tests; every `exports`
 * target), and that installed from the tarball into an empty folder outside this repository the
 * `interleave` command judges a file and the jest helper runs.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { cleanEnv, installInto, pack, ROOT, sh, VERSION, type Packed } from './pack';

const SOLUTIONS = path.join(ROOT, 'problems', 'foobar', 'solutions');

describe('the npm package interleave-judge', () => {
  let packed: Packed;
  let dir = '';
  let installMs = 0;
  beforeAll(() => {
    packed = pack();
    ({ dir, ms: installMs } = installInto([packed.tarball]));
    // The figures the README quotes.
    process.stdout.write(`pack ${(packed.size / 1024).toFixed(0)} kB (${(packed.unpackedSize / 1024 / 1024).toFixed(1)} MB unpacked, ${packed.files.length} files); install ${installMs} ms\n`);
  }, 240_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (packed) rmSync(path.dirname(packed.tarball), { recursive: true, force: true });
  });

  test('ships no reference solutions and no tests', () => {
    expect(packed.files.filter((f) => /(^|\/)solutions\//.test(f))).toEqual([]);
    expect(packed.files.filter((f) => /\.(test|spec)\.[cm]?[jt]s$|(^|\/)test\//.test(f))).toEqual([]);
    expect(packed.files).toEqual(expect.arrayContaining(['problems/foobar/problem.json', 'problems/foobar/checker.ts', 'problems/foobar/statement.md', 'bin/interleave.js', 'docs/sync-api.md']));
  });

  test('every exports target is in the pack', () => {
    const manifest = require(path.join(ROOT, 'package.json')) as { name: string; exports: Record<string, string | Record<string, string>>; bin: Record<string, string> };
    expect(manifest.name).toBe('interleave-judge');
    expect(manifest.bin).toEqual({ interleave: 'bin/interleave.js' });
    const targets = Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t)));
    for (const t of targets) expect(packed.files).toContain(t.replace(/^\.\//, ''));
    expect(Object.keys(manifest.exports)).toEqual(expect.arrayContaining(['./sync', './jest', './checker']));
  });

  test('npx interleave --version, problems and show work in the installed folder', () => {
    expect(sh('npx', ['interleave', '--version'], dir).stdout.trim()).toBe(`interleave-judge ${VERSION}`);
    expect(sh('npx', ['interleave', 'problems'], dir).stdout).toMatch(/^foobar\s+FooBar\.ts\s+Print FooBar Alternately/m);
    expect(sh('npx', ['interleave', 'show', 'foobar'], dir).stdout).toMatch(/^# /);
    // The statement's last line points to the reference, which the package ships.
    expect(sh('npx', ['interleave', 'show', 'foobar'], dir).stdout).toMatch(/: npx interleave api, or node_modules\/interleave-judge\/docs\/sync-api\.md\n$/);
    expect(sh('npx', ['interleave', 'api'], dir).stdout).toMatch(/^# `interleave\/sync`: the reference/);
  });

  test('npx interleave run foobar FooBar.ts accepts a right solution (exit 0) and rejects a wrong one (exit 1)', () => {
    cpSync(path.join(SOLUTIONS, 'accepted', 'semaphores.ts'), path.join(dir, 'FooBar.ts'));
    const ok = sh('npx', ['interleave', 'run', 'foobar', 'FooBar.ts'], dir);
    expect(ok.stdout).toMatch(/^AC accepted {2}100\/100 points/m);
    expect(ok.status).toBe(0);
    cpSync(path.join(SOLUTIONS, 'deadlock', 'course_two_events.ts'), path.join(dir, 'FooBar.ts'));
    const bad = sh('npx', ['interleave', 'run', 'foobar', 'FooBar.ts'], dir);
    expect(bad.stdout).toMatch(/^DL /m);
    // Where the package is installed, the replay command is the local `npx interleave`.
    expect(bad.stdout).toMatch(/replay {2}npx interleave run foobar FooBar\.ts --replay IL\d+\./);
    expect(bad.status).toBe(1);
  }, 120_000);

  test('the jest helper (interleave-judge/jest) runs one test per case', () => {
    cpSync(path.join(SOLUTIONS, 'accepted', 'semaphores.ts'), path.join(dir, 'FooBar.ts'));
    writeFileSync(path.join(dir, 'interleave.test.js'), "const { judge } = require('interleave-judge/jest');\n\njudge('foobar', './FooBar.ts');\n");
    const jest = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
    const r = sh(process.execPath, [jest, '--rootDir', dir, '--ci', '--colors=false'], dir, { env: cleanEnv({ CI: 'true' }) });
    expect(r.stderr).toContain('Tests:       5 passed, 5 total');
    expect(r.status).toBe(0);
  }, 120_000);
});
