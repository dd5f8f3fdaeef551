/**
 * What `npm run build` generates so that `interleave run` starts fast (scripts/build.js): the
 * schema validators as plain code, the sandbox worker's judge as one bundle, the shipped checkers
 * bundled. Each must behave as what the judge does without it, from the TypeScript sources.
 * Needs the build (`npm test` builds first).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { problemErrors } from '../../harness/judge/problems';
import { validateProblemResult } from '../../harness/model/validate';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'harness');

const foobar = JSON.parse(fs.readFileSync(path.join(ROOT, 'problems', 'foobar', 'problem.json'), 'utf8'));

function thrown(f: () => unknown): string {
  try {
    f();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

test('the built problem.json check lists the same errors as the schema compiled from the sources', () => {
  const built = require(path.join(DIST, 'judge', 'problems.js')) as typeof import('../../harness/judge/problems');
  const broken = { ...foobar, clasName: 'FooBar', threads: [{ name: 'foo' }], limits: { ...foobar.limits, steps: -1 } };
  delete (broken as Record<string, unknown>).className;
  expect(built.problemErrors(broken)).toEqual(problemErrors(broken));
  expect(built.problemErrors(broken).length).toBeGreaterThan(3);
  expect(built.problemErrors(foobar)).toEqual([]);
});

test('the built results check refuses a bad result with the same words as the sources', () => {
  const built = require(path.join(DIST, 'model', 'validate.js')) as typeof import('../../harness/model/validate');
  const bad = { problem: 'foobar', file: 'FooBar.ts', verdict: 'OK', score: '100', cases: [{}], extra: 1 };
  const words = thrown(() => validateProblemResult(bad));
  expect(words).toMatch(/^invalid problem result \(\d+ problems\):/);
  expect(thrown(() => built.validateProblemResult(bad))).toBe(words);
});

describe('a shipped checker edited in a checkout', () => {
  let root = '';
  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  test('is judged as edited, not as the build bundled it', () => {
    // A copy of the built package: its dist/, its package.json, and foobar's package.
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-build-'));
    fs.cpSync(path.join(ROOT, 'dist'), path.join(root, 'dist'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    fs.cpSync(path.join(ROOT, 'problems', 'foobar'), path.join(root, 'problems', 'foobar'), { recursive: true, filter: (f) => !f.includes(`${path.sep}solutions`) });
    const checker = path.join(root, 'problems', 'foobar', 'checker.ts');
    const expected = (): string =>
      execFileSync(process.execPath, ['-e', `
        const { loadProblem } = require(${JSON.stringify(path.join(root, 'dist', 'harness', 'judge', 'problems.js'))});
        process.stdout.write(loadProblem('foobar').checker.expected({ args: { n: 2 } }));`], {
        encoding: 'utf8',
        env: { ...process.env, INTERLEAVE_PROBLEMS: path.join(root, 'problems') },
      });
    expect(expected()).toBe('foobarfoobar');
    const source = fs.readFileSync(checker, 'utf8');
    expect(source).toContain(`'foo' : 'bar'`);
    fs.writeFileSync(checker, source.replace(`'foo' : 'bar'`, `'FOO' : 'bar'`));
    expect(expected()).toBe('FOObarFOObar');
  });
});

describe("the sandbox worker's judge, bundled", () => {
  // Judged by the bundle (as every worker judges) and by the modules it was bundled from: the
  // same result, word for word. A run-time error names the error's class, which esbuild binds
  // as `var ValueError = class _ValueError`: the bundle must not rename or lose any name.
  const SOLUTIONS = path.join(ROOT, 'problems', 'foobar', 'solutions');
  const files: Array<[string, RegExp]> = [
    ['deadlock/semaphores_inside_lock.ts', /deadlock: foo, bar are blocked/],
    ['run_time_error/bounded_semaphore_zero.ts', /threw ValueError: BoundedSemaphore\.release\(\)/],
    ['wrong_answer/no_sync.ts', /printed "bar" as output #1/],
  ];

  /** The result without the timings, which differ between any two runs. */
  function untimed(result: unknown): unknown {
    return JSON.parse(JSON.stringify(result, (key, value) => (/ms$|Ms$|^elapsed|^duration/.test(key) ? undefined : value)));
  }

  test.each(files)('gives %s the result the modules give, trace and words', async (rel, words) => {
    const { prepareTask } = require(path.join(DIST, 'pool', 'prepare.js')) as typeof import('../../harness/pool/prepare');
    const { judgeTask } = require(path.join(DIST, 'pool', 'judge-runner.js')) as typeof import('../../harness/pool/judge-runner');
    const bundle = require(path.join(DIST, 'pool', 'judge-runner.bundle.js')) as typeof import('../../harness/pool/judge-runner');
    const task = await prepareTask({ student: '', problemId: 'foobar', file: path.join(SOLUTIONS, rel), seed: 7 });
    if ('verdict' in task) throw new Error(`not compiled: ${JSON.stringify(task)}`);
    const fromModules = untimed(await judgeTask(task));
    const fromBundle = untimed(await bundle.judgeTask(task));
    expect(fromBundle).toEqual(fromModules);
    expect(JSON.stringify(fromBundle).replace(/\\"/g, '"')).toMatch(words);
  });
});
