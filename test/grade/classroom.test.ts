/** A GitHub Classroom "download all repositories" export, graded by the real CLI. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ClassResults } from '../../harness/model/class-results';
import { classCopy, grade } from './cli';

describe('interleave grade on a GitHub Classroom export', () => {
  const work = classCopy('class');
  const root = work.root;
  afterAll(() => work.cleanup());

  test('finds the solutions anywhere in each repository and names students without the assignment', async () => {
    const from = (student: string) => path.join(root, 'class', student, 'Foo.ts');
    const repo = (name: string, files: Record<string, string>) => {
      for (const [rel, src] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, 'export', name, rel)), { recursive: true });
        cpSync(src, path.join(root, 'export', name, rel));
      }
      mkdirSync(path.join(root, 'export', name, '.git'), { recursive: true });
      writeFileSync(path.join(root, 'export', name, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    };
    repo('print-in-order-alice', { 'src/Foo.ts': from('alice'), 'node_modules/decoy/Foo.ts': from('carol') });
    repo('print-in-order-carol-b', { 'Foo.ts': from('carol') });

    const r = await grade(['export', '--out', 'out', '--problems', 'print-in-order'], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('GitHub Classroom export');
    const results = JSON.parse(readFileSync(path.join(root, 'out', 'results.json'), 'utf8')) as ClassResults;
    expect(results.problems.map((p) => p.id)).toEqual(['print-in-order']);
    expect(results.students.map((s) => [s.student, s.problems.map((p) => [p.file, p.verdict])])).toEqual([
      ['alice', [['print-in-order-alice/src/Foo.ts', 'AC']]],
      ['carol-b', [['print-in-order-carol-b/Foo.ts', 'WA']]],
    ]);
  }, 60_000);
});
