/**
 * What every problem's `<id>.spec.ts` runs: `interleave verify <id>` under several seeds, through
 * the real CLI and its sandbox (jest cannot load the worker pool in-process), with one test per
 * shipped solution and seed: each must get its folder's verdict.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { VerifyRow } from '../../harness/cli/verify';
import { inspectPackage } from '../../harness/judge/package';

const ROOT = path.resolve(__dirname, '../..');
export const SPEC_SEEDS = [1, 2, 3];

export function verifyProblem(id: string): void {
  const inspection = inspectPackage(id);
  const { rows } = JSON.parse(verifyJson(id)) as { rows: VerifyRow[] };

  describe(`problem package ${id}`, () => {
    test('is well-formed: schema, statement, template, verdict folders, an accepted solution', () => {
      expect(inspection.errors).toEqual([]);
    });

    test('ships at least three accepted solutions and four known-bad ones', () => {
      expect(inspection.solutions.filter((s) => s.expected === 'AC').length).toBeGreaterThanOrEqual(3);
      expect(inspection.solutions.filter((s) => s.expected !== 'AC').length).toBeGreaterThanOrEqual(4);
    });

    test('every shipped solution was judged under every seed', () => {
      const judged = new Set(rows.map((r) => `${r.solution}@${r.seed}`));
      for (const s of inspection.solutions) for (const seed of SPEC_SEEDS) expect(judged).toContain(`${s.name}@${seed}`);
    });

    const cases = rows.map((r) => [r.solution, r.expected, r.seed, r] as const);
    test.each(cases)('%s gets %s under seed %d', (_name, _expected, _seed, row) => {
      expect({ solution: row.solution, got: row.got, message: row.ok ? undefined : row.message }).toEqual({
        solution: row.solution,
        got: row.expected === 'rejected' ? row.got : row.expected,
        message: undefined,
      });
      expect(row.ok).toBe(true);
    });
  });
}

/**
 * What `verify --json` printed. It exits 1 when a solution missed its verdict, with the rows
 * still on stdout: those rows fail their own tests below, naming the solution and seed, rather
 * than the whole file failing to run.
 */
function verifyJson(id: string): string {
  try {
    return execFileSync(process.execPath, [path.join(ROOT, 'bin/interleave.js'), 'verify', id, '--seeds', SPEC_SEEDS.join(','), '--json'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
      env: { ...process.env, NO_COLOR: '1' },
    });
  } catch (e) {
    const { status, stdout, stderr } = e as { status?: number | null; stdout?: string; stderr?: string };
    if (status === 1 && stdout?.trimStart().startsWith('{')) return stdout;
    throw new Error(`interleave verify ${id} failed (exit ${String(status)}): ${stderr || (e as Error).message}`);
  }
}
