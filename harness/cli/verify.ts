/**
 * `interleave verify [<problem-id>…]`: checks problem packages — their shape, and that every
 * shipped solution gets its folder's verdict, under every seed asked for. Prints a table
 * (solution × expected × got × schedules to the first failure × time) and exits non-zero when
 * anything differs.
 */
import * as os from 'node:os';
import { inspectPackage, verdictMatches, type PackageInspection, type PackageSolution } from '../judge/package';
import { problemIds, loadProblem } from '../judge/problems';
import type { Verdict } from '../model/result';
import { judgeJobs, limitsFor } from '../pool/index';
import { EXIT_USAGE, UsageError, intFlag, parse } from './args';
import { inertCommands } from '../report/workflow-commands';

export const VERIFY_USAGE = `usage: npx interleave verify [<problem-id>…] [options]

options:
  --seeds LIST     seeds to judge every solution with: "1,2,3", or a count "3" for 1..3 (default 1)
  --workers N      worker processes (default: the machine's cores)
  --json           print the results as JSON`;

export interface VerifyRow {
  problem: string;
  solution: string;
  expected: Verdict | 'rejected';
  seed: number;
  got: Verdict;
  ok: boolean;
  schedulesToFailure: number | null;
  timeMs: number;
  message?: string;
}

export async function verifyCommand(argv: string[]): Promise<number> {
  let values: { seeds?: string; workers?: string; json?: boolean; help?: boolean };
  let ids: string[];
  try {
    const parsed = parse(argv, { seeds: { type: 'string' }, workers: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    values = parsed.values;
    ids = parsed.positionals.length > 0 ? parsed.positionals : problemIds();
    if (values.help) {
      process.stdout.write(`${VERIFY_USAGE}\n`);
      return 0;
    }
    const known = problemIds();
    for (const id of ids) if (!known.includes(id)) throw new UsageError(`unknown problem "${id}"; the problems are: ${known.join(', ')}`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`interleave verify: ${e.message}\n\n${VERIFY_USAGE}\n`);
    return EXIT_USAGE;
  }
  const seeds = parseSeeds(values.seeds);
  const workers = intFlag('workers', values.workers, 1) ?? os.availableParallelism();
  const inspections = ids.map((id) => inspectPackage(id));
  const rows = await judgeSolutions(inspections, seeds, workers);
  const failedPackages = inspections.filter((i) => i.errors.length > 0);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ packages: inspections.map((i) => ({ problem: i.problem, errors: i.errors })), rows }, null, 2)}\n`);
  } else {
    process.stdout.write(inertCommands(formatTable(rows)));
    for (const i of failedPackages) for (const e of i.errors) process.stdout.write(`package error: ${e}\n`);
    const bad = rows.filter((r) => !r.ok);
    process.stdout.write(
      `\n${rows.length - bad.length}/${rows.length} runs got their expected verdict; ${ids.length - failedPackages.length}/${ids.length} packages well-formed\n`,
    );
  }
  return rows.every((r) => r.ok) && failedPackages.length === 0 ? 0 : 1;
}

function parseSeeds(s: string | undefined): number[] {
  if (s === undefined) return [1];
  if (/^\d+$/.test(s)) return Array.from({ length: Math.max(1, Number(s)) }, (_, i) => i + 1);
  const seeds = s.split(',').map((x) => Number(x.trim()));
  if (seeds.some((x) => !Number.isInteger(x) || x < 0)) throw new UsageError(`--seeds takes a count or a list of whole numbers, got "${s}"`);
  return seeds;
}

async function judgeSolutions(inspections: PackageInspection[], seeds: number[], workers: number): Promise<VerifyRow[]> {
  const jobs: Array<{ problem: string; sol: PackageSolution; seed: number }> = [];
  for (const i of inspections) for (const sol of i.solutions) for (const seed of seeds) jobs.push({ problem: i.problem, sol, seed });
  if (jobs.length === 0) return [];
  const limits = limitsFor(256, Math.max(...inspections.map((i) => safeWall(i.problem))));
  const { results } = await judgeJobs(
    jobs.map(({ problem, sol, seed }) => ({ student: '', problemId: problem, file: sol.file, displayName: sol.name, seed, stopAtFirstFailure: true })),
    { workers, limits },
  );
  return jobs.map(({ problem, sol, seed }, i) => {
    const r = results[i];
    const failing = r.cases.find((c) => c.failure);
    const row: VerifyRow = {
      problem,
      solution: sol.name,
      expected: sol.expected,
      seed,
      got: r.verdict,
      ok: verdictMatches(sol.expected, r.verdict),
      schedulesToFailure: failing?.failure?.schedulesToFailure ?? null,
      timeMs: r.timeMs,
    };
    const message = failing?.failure?.message ?? r.error?.message;
    if (message) row.message = message;
    return row;
  });
}

function safeWall(id: string): number {
  try {
    return loadProblem(id).spec.limits.wallClockMs;
  } catch {
    return 20_000;
  }
}

function formatTable(rows: VerifyRow[]): string {
  const head = ['problem', 'solution', 'seed', 'expected', 'got', 'schedules', 'time', ''];
  const body = rows.map((r) => [
    r.problem,
    r.solution.replace(/^solutions\//, ''),
    String(r.seed),
    r.expected,
    r.got,
    r.schedulesToFailure === null ? '-' : String(r.schedulesToFailure),
    `${r.timeMs} ms`,
    r.ok ? 'ok' : `MISMATCH${r.message ? `: ${r.message}` : ''}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (i === head.length - 1 ? 0 : b[i].length))));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), ...body.map(line)].join('\n') + '\n';
}
