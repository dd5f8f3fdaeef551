import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describeFailures, writeReports, type Reporter } from '../../harness/report/reporter';
import { classResults } from './fixtures';
import { useTempDir } from './tmpdir';

const dir = useTempDir();

const touching = (name: string, seen: string[]): Reporter => ({
  name,
  async render(_results, outDir) {
    seen.push(name);
    return [path.join(outDir, `${name}.txt`)];
  },
});

describe('writeReports', () => {
  test('runs every reporter in order and returns the files written', async () => {
    const seen: string[] = [];
    const out = await writeReports(classResults, dir(), [touching('a', seen), touching('b', seen)]);
    expect(seen).toEqual(['a', 'b']);
    expect(out).toEqual({ written: [path.join(dir(), 'a.txt'), path.join(dir(), 'b.txt')], failed: [] });
  });

  test('one throwing reporter does not stop the others, and says which failed and why', async () => {
    const seen: string[] = [];
    const broken: Reporter = {
      name: 'broken',
      render: async () => {
        throw new Error('template missing');
      },
    };
    const out = await writeReports(classResults, dir(), [touching('a', seen), broken, touching('c', seen)]);
    expect(seen).toEqual(['a', 'c']);
    expect(out.written).toHaveLength(2);
    expect(out.failed).toEqual([{ reporter: 'broken', error: new Error('template missing') }]);
    expect(describeFailures(out.failed)).toBe('broken report failed: template missing');
  });

  test('validates before anything is written, not even the output folder', async () => {
    const seen: string[] = [];
    const out = path.join(dir(), 'reports');
    const bad = { ...classResults, students: [{ student: 'x' }] };
    await expect(writeReports(bad, out, [touching('a', seen)])).rejects.toThrow(/\/students\/0\/problems: is missing/);
    expect(seen).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  test('an empty class still gets every report', async () => {
    const empty = { ...classResults, students: [] };
    const outcome = await writeReports(empty, dir());
    expect(outcome.failed).toEqual([]);
    expect(outcome.written).toHaveLength(4);
  });

  test('by default writes results.json, index.html, junit.xml and grades.csv into a new folder', async () => {
    const out = path.join(dir(), 'nested', 'reports');
    const outcome = await writeReports(classResults, out);
    expect(outcome.failed).toEqual([]);
    expect(outcome.written.map((f) => path.basename(f))).toEqual(['results.json', 'index.html', 'junit.xml', 'grades.csv']);
    expect(readdirSync(out).sort()).toEqual(['grades.csv', 'index.html', 'junit.xml', 'results.json']);
  });
});
