/**
 * The proof of DESIGN.md 2d (issue 9 item 1): in a child Node that hardens the realm exactly as a
 * sandbox worker does, a learner (fixtures/walk/FooBar.ts) loaded through the real loader and run
 * by the real judge collects every entry point it has, generically (every export of
 * interleave/sync, instances, results, settled values, thrown errors, callbacks, currentThread(),
 * the endowed globals); the walker outside the compartment walks everything reachable from them
 * and lists each object that is not frozen or that belongs to the judge (an instance or the
 * prototype of a class exported under dist/harness/{scheduler,judge,strategies}). The list must be
 * empty. Needs `npm run build`. The full list is written to the file named in the failure.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DIST, FIXTURES, ROOT } from './support';

interface Walk {
  crash?: string;
  verdict: string;
  message?: string;
  returned: number;
  entries: number;
  walked: number;
  judgeClasses: string[];
  violations: Array<{ path: string; reasons: string[] }>;
}

function walk(): Promise<Walk> {
  const child = path.join(__dirname, 'boundary-walk.child.js');
  const learner = path.join(FIXTURES, 'walk', 'FooBar.ts');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [child, DIST, learner], { cwd: ROOT, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as Walk);
      } catch {
        reject(new Error(`the walk did not finish (${error?.message ?? 'no JSON'}):\n${stderr.slice(-4000)}`));
      }
    });
  });
}

describe('the trust boundary (DESIGN.md 2d): everything a learner can reach is frozen and none of it is the judge’s', () => {
  let w: Walk;

  beforeAll(async () => {
    w = await walk();
    if (w.crash) throw new Error(`the walk crashed: ${w.crash}`);
  }, 330_000);

  test('the walk really ran: the learner returned its collections and the walker found the judge’s classes', () => {
    expect(w.returned).toBe(2);
    expect(w.entries).toBeGreaterThan(100);
    expect(w.judgeClasses.length).toBeGreaterThan(5);
  });

  test('no violations', () => {
    const full = path.join(tmpdir(), 'interleave-boundary-walk.json');
    writeFileSync(full, JSON.stringify(w.violations, null, 1));
    // One line per violation; judge objects first, shortest paths first (the fix is nearest there).
    const lines = [...w.violations]
      .sort((a, b) => Number(b.reasons.length > 1) - Number(a.reasons.length > 1) || a.path.length - b.path.length)
      .map((v) => `${v.path}  —  ${v.reasons.join('; ')}`);
    const counts: Record<string, number> = {};
    for (const v of w.violations) for (const r of v.reasons) counts[r] = (counts[r] ?? 0) + 1;
    const report = lines.length === 0 ? [] : [`${lines.length} violations (all of them in ${full}); by reason: ${JSON.stringify(counts)}`, ...lines.slice(0, 200)];
    expect(report).toEqual([]);
  });
});
