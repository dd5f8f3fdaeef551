/**
 * Grading past one machine: `grade --shard I/N` judges a share of the students chosen by their
 * names, and `interleave merge` joins the shares into the class the unsharded run gives.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { finished, startInterleave, type Finished } from '../support/cli';
import { inShard, parseShard, shardOf } from '../../harness/pool/batch/shard';
import { mergeShards, MergeError, type ShardInput } from '../../harness/pool/batch/merge';
import type { ClassResults } from '../../harness/model/class-results';
import { ROOT } from './cli';

const cli = (args: string[], cwd: string): Promise<Finished> => finished(startInterleave(args, cwd, { ...process.env, CI: 'true' }));

describe('a student’s share', () => {
  const names = Array.from({ length: 300 }, (_, i) => `student-${i}`);

  test('every student is in exactly one of the N shares', () => {
    for (const n of [1, 2, 3, 7]) {
      for (const name of names) {
        const shares = Array.from({ length: n }, (_, k) => k + 1).filter((index) => inShard(name, { index, count: n }));
        expect(shares).toEqual([shardOf(name, n)]);
      }
    }
  });

  test('depends on the name alone: adding students moves nobody, and shares are roughly even', () => {
    const before = names.map((n) => shardOf(n, 4));
    const after = [...names, 'zoe', 'aaron', 'new-1', 'new-2'].map((n) => shardOf(n, 4)).slice(0, names.length);
    expect(after).toEqual(before);
    for (let k = 1; k <= 4; k++) expect(before.filter((s) => s === k).length).toBeGreaterThan(50);
  });

  test.each([
    ['1/2', { index: 1, count: 2 }],
    ['3/3', { index: 3, count: 3 }],
  ])('--shard %s is read', (text, shard) => expect(parseShard(text)).toEqual(shard));

  test.each([
    ['0/2', /share 0 does not exist: with 2 shares, I is 1 to 2/],
    ['3/2', /share 3 does not exist/],
    ['1/0', /needs between 1 and 10000 shares/],
    ['half', /takes I\/N/],
  ])('--shard %s is refused, saying what to give', (text, message) => expect(parseShard(text)).toMatch(message));
});

describe('merging shards', () => {
  const base = (over: Partial<ClassResults> = {}): ClassResults => ({
    version: 1,
    generatedAt: '2026-01-01T00:00:00.000Z',
    seed: 1,
    problems: [{ id: 'foobar', title: 'FooBar', className: 'FooBar', maxScore: 100 }],
    students: [],
    run: { durationMs: 10, workers: 2, judgeVersion: 'interleave 0.1.0' },
    ...over,
  });
  const input = (from: string, results: ClassResults, index?: number, count = 2): ShardInput => ({ from, results, shard: index === undefined ? undefined : { index, count } });
  const student = (name: string) => ({ student: name, problems: [], ignored: [], score: 0, maxScore: 100 });

  test.each([
    ['seeds', base({ seed: 2 }), /a\/ was graded with seed 1, b\/ with 2|b\/ was graded with seed 2, a\/ with 1/],
    ['judge versions', base({ run: { durationMs: 1, workers: 1, judgeVersion: 'interleave 0.2.0' } }), /judge version interleave 0\.2\.0/],
    ['problem sets', base({ problems: [] }), /graded with the problems/],
  ])('refuses shards of different %s, naming the folders', (_what, other, message) => {
    expect(() => mergeShards([input('a/', base(), 1), input('b/', other, 2)])).toThrow(MergeError);
    expect(() => mergeShards([input('a/', base(), 1), input('b/', other, 2)])).toThrow(message);
  });

  test('refuses a split with a share missing or given twice, and a student in two shards', () => {
    expect(() => mergeShards([input('a/', base(), 1, 3), input('b/', base(), 3, 3)])).toThrow(/share 2\/3 missing/);
    expect(() => mergeShards([input('a/', base(), 1), input('b/', base(), 1)])).toThrow(/a\/ and b\/ are both share 1\/2/);
    expect(() => mergeShards([input('a/', base({ students: [student('x')] }), 1), input('b/', base({ students: [student('x')] }), 2)])).toThrow(
      /student x is in both a\/ and b\//,
    );
  });

  test('joins the students sorted by name; the class took as long as its slowest shard', () => {
    const merged = mergeShards([
      input('a/', base({ students: [student('bob')], run: { durationMs: 30, workers: 2, judgeVersion: 'interleave 0.1.0' } }), 2),
      input('b/', base({ students: [student('ann'), student('cy')] }), 1),
    ]);
    expect(merged.students.map((s) => s.student)).toEqual(['ann', 'bob', 'cy']);
    expect(merged.run).toEqual({ durationMs: 30, workers: 4, judgeVersion: 'interleave 0.1.0' });
  });
});

describe('grade --shard, then merge', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'interleave-shard-'));
    const sol = (p: string): string => path.join(ROOT, 'problems', p);
    const picks: Array<[string, string]> = [
      ['foobar/solutions/accepted/semaphores.ts', 'print-in-order/solutions/accepted/semaphores.ts'],
      ['foobar/solutions/wrong_answer/no_sync.ts', 'print-in-order/solutions/accepted/events.ts'],
      ['foobar/solutions/deadlock/course_two_events.ts', 'print-in-order/solutions/accepted/promises.ts'],
      ['foobar/solutions/accepted/promises.ts', 'print-in-order/solutions/accepted/locks_held_from_start.ts'],
      ['foobar/solutions/wrong_answer/off_by_one.ts', 'print-in-order/solutions/accepted/semaphores.ts'],
      ['foobar/solutions/run_time_error/bounded_semaphore_zero.ts', 'print-in-order/solutions/accepted/events.ts'],
    ];
    picks.forEach(([foobar, foo], i) => {
      const dir = path.join(root, 'class', `student-${i}`);
      mkdirSync(dir, { recursive: true });
      copyFileSync(sol(foobar), path.join(dir, 'FooBar.ts'));
      copyFileSync(sol(foo), path.join(dir, 'Foo.ts'));
    });
    // A file that does not compile: a CE, judged without a worker.
    mkdirSync(path.join(root, 'class', 'student-x'));
    writeFileSync(path.join(root, 'class', 'student-x', 'FooBar.ts'), 'export class FooBar { foo( }');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const read = (dir: string): ClassResults => JSON.parse(readFileSync(path.join(root, dir, 'results.json'), 'utf8')) as ClassResults;
  /** Each student's verdict, score and every case's verdict and points: what must not change. */
  const grades = (r: ClassResults) =>
    r.students.map((s) => ({
      student: s.student,
      score: s.score,
      problems: s.problems.map((p) => ({ problem: p.problem, file: p.file, verdict: p.verdict, score: p.score, cases: p.cases.map((c) => [c.name, c.verdict, c.points]) })),
    }));

  test('merged shards equal the unsharded run, verdict for verdict and point for point', async () => {
    const common = ['--problems', 'foobar,print-in-order', '--workers', '2'];
    const whole = await cli(['grade', 'class', '--out', 'whole', ...common], root);
    expect(whole.code).toBe(0);
    for (const k of [1, 2, 3]) expect((await cli(['grade', 'class', '--out', `shard-${k}`, '--shard', `${k}/3`, ...common], root)).code).toBe(0);
    // Every student in exactly one shard, the split as the names decide it.
    const shards = [1, 2, 3].map((k) => read(`shard-${k}`));
    expect(shards.flatMap((s) => s.students.map((st) => st.student)).sort()).toEqual(read('whole').students.map((s) => s.student).sort());
    for (const [k, s] of shards.entries()) for (const st of s.students) expect(shardOf(st.student, 3)).toBe(k + 1);

    const merged = await cli(['merge', 'shard-1', 'shard-2', 'shard-3', '--out', 'merged'], root);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/merged 3 shards: 7 students/);
    expect(grades(read('merged'))).toEqual(grades(read('whole')));
    expect(read('merged').students.map((s) => s.score)).toEqual(read('whole').students.map((s) => s.score));
    for (const f of ['index.html', 'junit.xml', 'grades.csv']) expect(readFileSync(path.join(root, 'merged', f), 'utf8').length).toBeGreaterThan(0);
    expect(readFileSync(path.join(root, 'merged', 'grades.csv'), 'utf8')).toBe(readFileSync(path.join(root, 'whole', 'grades.csv'), 'utf8'));
  }, 240_000);

  test('merge refuses shards graded with another seed, and a share left out, with exit 2', async () => {
    const common = ['--problems', 'foobar', '--workers', '1'];
    expect((await cli(['grade', 'class', '--out', 'seed-1', '--shard', '1/2', ...common], root)).code).toBe(0);
    expect((await cli(['grade', 'class', '--out', 'seed-2', '--shard', '2/2', '--seed', '9', ...common], root)).code).toBe(0);
    const mixed = await cli(['merge', 'seed-1', 'seed-2', '--out', 'bad'], root);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/interleave merge: .*seed-[12] was graded with seed (9|1), .*seed-[12] with (1|9): shards must be graded alike/);
    const partial = await cli(['merge', 'seed-1', '--out', 'bad'], root);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/share 2\/2 missing/);
    const noOut = await cli(['merge', 'seed-1'], root);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/--out DIR is required/);
  }, 240_000);
});
