/**
 * The command line's edges: --version, problems, show, new + verify outside the repository,
 * --problems DIR and interleave.config.json, typo suggestions, grade of an empty folder, a
 * misnamed file, and run --watch seeing one change.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin/interleave.js');
const SOL = path.join(ROOT, 'problems', 'foobar', 'solutions');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function cli(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('INTERLEAVE_')));
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'interleave-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('--version prints the package name and version', () => {
  expect(cli(dir, '--version').stdout).toBe(`interleave-judge ${VERSION}\n`);
});

test('problems lists the problems; show prints a statement and the template', () => {
  expect(cli(dir, 'problems').stdout).toMatch(/^print-in-order\s+Foo\.ts\s+Print in Order\s+100 \(1 case\)$/m);
  // The statement as written, then one line: where the interleave/sync reference is (sync-api.test.ts).
  const statement = readFileSync(path.join(ROOT, 'problems', 'foobar', 'statement.md'), 'utf8');
  const shown = cli(dir, 'show', 'foobar').stdout;
  expect(shown.slice(0, statement.length)).toBe(statement);
  expect(shown.slice(statement.length)).toMatch(/^\n[^\n]*interleave\/sync[^\n]* api\b[^\n]*\n$/);
  expect(cli(dir, 'show', 'foobar', '--template').stdout).toBe(readFileSync(path.join(ROOT, 'problems', 'foobar', 'template.ts'), 'utf8'));
});

test('show --template --python prints a Python class with every method the problem calls, which loads as a submission', () => {
  // It printed TypeScript only: a Python student had to translate the template.
  for (const [id, cls, methods] of [
    ['foobar', 'FooBar', ['foo', 'bar']],
    ['dining-philosophers', 'DiningPhilosophers', ['wants_to_eat']],
    ['bounded-blocking-queue', 'BoundedBlockingQueue', ['enqueue', 'dequeue', 'size']],
  ] as const) {
    const py = cli(dir, 'show', id, '--template', '--python').stdout;
    expect(py).toMatch(new RegExp(`^class ${cls}:$`, 'm'));
    for (const m of methods) expect(py).toMatch(new RegExp(`^    def ${m}\\(self\\b`, 'm'));
  }
  const starter = path.join(dir, 'FooBar.py');
  writeFileSync(starter, cli(dir, 'show', 'foobar', '--template', '--python').stdout);
  // Empty methods print nothing: a wrong answer, not a compile error.
  expect(cli(dir, 'run', 'foobar', starter).stdout).toMatch(/^WA /m);
  expect(cli(dir, 'show', 'foobar', '--python').stderr).toMatch(/--python goes with --template/);
});

test.each([
  [['rn', 'x.ts'], /unknown command "rn"; did you mean run\?/],
  [['run', '--sed', '2', 'x.ts'], /unknown option --sed; did you mean --seed\?/],
  [['grade', 'subs', '--wokers', '2'], /unknown option --wokers; did you mean --workers\?/],
  [['show', 'fobar'], /unknown problem "fobar"; did you mean foobar\?/],
  [['run', 'foobar', BIN, '--strategy', 'pcct'], /did you mean pct\?/],
])('a typo (%j) gets a suggestion and exit 2', (args, message) => {
  const r = cli(dir, ...(args as string[]));
  expect(r.stderr).toMatch(message as RegExp);
  expect(r.status).toBe(2);
});

test('a misnamed file is told what name it needs', () => {
  cpSync(path.join(SOL, 'accepted', 'semaphores.ts'), path.join(dir, 'foobar.ts'));
  const r = cli(dir, 'run', 'foobar.ts');
  expect(r.stderr).toContain('did you mean FooBar.ts?');
  expect(r.status).toBe(2);
});

test('grade of a folder with no students is an error (exit 2)', () => {
  mkdirSync(path.join(dir, 'subs'));
  writeFileSync(path.join(dir, 'subs', 'FooBar.ts'), 'export class FooBar {}\n');
  const r = cli(dir, 'grade', 'subs', '--out', 'out');
  expect(r.stderr).toMatch(/subs holds no student folders/);
  expect(r.status).toBe(2);
});

test('grade flags a misnamed file (did you mean FooBar.ts?) in the summary, the CSV and the HTML; replays run from here', () => {
  mkdirSync(path.join(dir, 'subs', 'ann'), { recursive: true });
  mkdirSync(path.join(dir, 'subs', 'ben'), { recursive: true });
  cpSync(path.join(SOL, 'accepted', 'semaphores.ts'), path.join(dir, 'subs', 'ann', 'foobar.ts'));
  cpSync(path.join(SOL, 'deadlock', 'course_two_events.ts'), path.join(dir, 'subs', 'ben', 'FooBar.ts'));
  const r = cli(dir, 'grade', 'subs', '--out', 'out', '--problems', 'foobar', '--workers', '1');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('ann: foobar.ts is not graded: did you mean FooBar.ts?');
  const csv = readFileSync(path.join(dir, 'out', 'grades.csv'), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('student,foobar,total,notes');
  expect(csv).toContain('ann,,0,foobar: foobar.ts is not graded: did you mean FooBar.ts?');
  const html = readFileSync(path.join(dir, 'out', 'index.html'), 'utf8');
  expect(html).toContain('did you mean FooBar.ts?');
  // Visible in the matrix cell itself, not only to screen readers.
  expect(html).toContain('<span class="misnamed">did you mean FooBar.ts?</span>');
  // The replay names the file from the folder grade ran in, with a command that exists there.
  const junit = readFileSync(path.join(dir, 'out', 'junit.xml'), 'utf8');
  // (This copy of the judge is no installed package: the replay starts it by its path, as it was started.)
  expect(junit).toContain(`node ${BIN} run foobar subs/ben/FooBar.ts --replay IL`);
}, 120_000);

test('new scaffolds a package outside the repository that verify passes, found through interleave.config.json and --problems DIR', () => {
  const made = cli(dir, 'new', 'ping-pong');
  expect(made.status).toBe(0);
  expect(JSON.parse(readFileSync(path.join(dir, 'interleave.config.json'), 'utf8'))).toEqual({ problems: 'problems' });
  const v = cli(dir, 'verify', 'ping-pong');
  expect(v.stdout).toMatch(/accepted\/events\.ts\s+1\s+AC\s+AC\b.*ok/);
  expect(v.stdout).toMatch(/wrong_answer\/no_sync\.ts\s+1\s+WA\s+WA\b.*ok/);
  expect(v.status).toBe(0);
  // The config is found from a folder below; --problems DIR works from anywhere.
  mkdirSync(path.join(dir, 'hw'));
  expect(cli(path.join(dir, 'hw'), 'problems').stdout).toMatch(/^ping-pong\s+PingPong\.ts/m);
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'interleave-cli-'));
  try {
    cpSync(path.join(dir, 'problems', 'ping-pong', 'solutions', 'accepted', 'events.ts'), path.join(elsewhere, 'PingPong.ts'));
    const r = cli(elsewhere, 'run', 'PingPong.ts', '--problems', path.join(dir, 'problems'));
    expect(r.stdout).toMatch(/^AC accepted/m);
    expect(r.status).toBe(0);
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
}, 120_000);

test('a checker that does not compile is a clear package error, not a bundler stack', () => {
  cli(dir, 'new', 'ping-pong');
  writeFileSync(path.join(dir, 'problems', 'ping-pong', 'checker.ts'), "import { defineChecker } from 'interleave/checker';\nimport x from 'left-pad';\nexport default defineChecker({ final: () => x });\n");
  const r = cli(dir, 'verify', 'ping-pong');
  expect(r.stdout).toContain('the checker does not compile');
  expect(r.stdout).toContain('checker.ts:2:15: Could not resolve "left-pad" (a checker may import `interleave/checker` and its own relative files only)');
  expect(r.stdout).not.toMatch(/at .*esbuild/);
  expect(r.status).toBe(1);
}, 60_000);

test('run --watch judges again when the file is saved', async () => {
  const file = path.join(dir, 'FooBar.ts');
  cpSync(path.join(SOL, 'deadlock', 'course_two_events.ts'), file);
  const child = spawn(process.execPath, [BIN, 'run', 'foobar', 'FooBar.ts', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, stdio: 'pipe' });
  let out = '';
  const seen = (re: RegExp): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (re.test(out)) resolve();
        else setTimeout(check, 50);
      };
      check();
    });
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  await seen(/watching \. for changes/);
  expect(out).toMatch(/^DL /m);
  cpSync(path.join(SOL, 'accepted', 'semaphores.ts'), file);
  await seen(/FooBar\.ts changed: judging again[\s\S]*AC accepted/);
  const code = new Promise((resolve) => child.on('close', resolve));
  child.kill('SIGINT');
  expect(await code).toBe(0);
}, 60_000);
