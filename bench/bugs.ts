/**
 * Bug-finding power, measured: every shipped solution of every problem, judged under many seeds
 * by each strategy alone, by the default portfolio, and by the naive baseline (shuffled start
 * orders, threads in plain promise order). For each known-bad solution: the share of seeds that
 * catch it and the median schedules to the first failure; accepted ones must pass every seed.
 * The last line: `caught: <known-bad rejected under every seed by the portfolio>/<known-bad>`.
 *
 *   npm run bench:bugs [-- --seeds 100 --accepted-seeds 10 --problems foobar,pipeline]
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { inspectPackage, verdictMatches, type PackageSolution } from '../harness/judge/package';
import { problemIds } from '../harness/judge/problems';
import type { StrategyName } from '../harness/strategies/registry';
import type { BugsLine, BugsTask } from './bugs-worker';

const STRATEGIES: StrategyName[] = ['fifo', 'random', 'pct', 'dfs', 'portfolio'];
/** A worker silent this long (no run finished) is in a learner's synchronous loop: a TLE. */
const SILENCE_MS = 5_000;
/**
 * A Python file's loops are the judge's to stop (its watchdog: 3 s in one thread), and its first
 * run starts a process: on a loaded machine 5 s of silence came before a deadlock's verdict, and
 * three known-bad Python files were counted as missed (TLE).
 */
const PYTHON_SILENCE_MS = 60_000;

interface Row {
  problem: string;
  sol: PackageSolution;
  strategy: StrategyName;
  lines: BugsLine[];
}

function runTask(task: BugsTask): Promise<BugsLine[]> {
  return new Promise((resolve) => {
    const lines: BugsLine[] = [];
    const worker = new Worker(path.join(__dirname, 'bugs-worker.js'), { workerData: task, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    const silence = task.file.endsWith('.py') ? PYTHON_SILENCE_MS : SILENCE_MS;
    let timer = setTimeout(stop, silence);
    function stop(): void {
      // A synchronous endless loop: the remaining seeds would all hang the same way.
      for (const seed of task.seeds.slice(lines.length)) lines.push({ seed, verdict: 'TLE', schedules: 1, ms: silence });
      void worker.terminate();
    }
    worker.on('message', (l: BugsLine | 'alive') => {
      if (l !== 'alive') lines.push(l);
      clearTimeout(timer);
      timer = setTimeout(stop, silence);
    });
    worker.on('error', () => stop());
    worker.on('exit', () => {
      clearTimeout(timer);
      for (const seed of task.seeds.slice(lines.length)) lines.push({ seed, verdict: 'JE', schedules: null, ms: 0 });
      resolve(lines);
    });
  });
}

async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seeds: { type: 'string' }, 'accepted-seeds': { type: 'string' }, problems: { type: 'string' } } });
  const badSeeds = Number(values.seeds ?? 100);
  const goodSeeds = Number(values['accepted-seeds'] ?? 10);
  const ids = values.problems ? values.problems.split(',') : problemIds();
  const t0 = performance.now();
  const tasks: Array<{ problem: string; sol: PackageSolution; strategy: StrategyName; seeds: number[] }> = [];
  for (const id of ids) {
    for (const sol of inspectPackage(id).solutions) {
      const bad = sol.expected !== 'AC';
      for (const strategy of bad ? STRATEGIES : (['portfolio'] as StrategyName[])) {
        const n = bad ? badSeeds : goodSeeds;
        tasks.push({ problem: id, sol, strategy, seeds: Array.from({ length: n }, (_, i) => i + 1) });
      }
    }
  }
  process.stderr.write(`bench:bugs: ${tasks.length} batches (${badSeeds} seeds per known-bad solution and strategy, ${goodSeeds} per accepted one)\n`);
  let done = 0;
  const rows: Row[] = await pool(tasks, os.availableParallelism(), async (t) => {
    const lines = await runTask({ problem: t.problem, file: t.sol.file, strategy: t.strategy, seeds: t.seeds });
    process.stderr.write(`\r  ${++done}/${tasks.length} batches`);
    return { problem: t.problem, sol: t.sol, strategy: t.strategy, lines };
  });
  process.stderr.write('\n');

  const cell = (r: Row | undefined): string => {
    if (!r) return '';
    const caught = r.lines.filter((l) => verdictMatches(r.sol.expected, l.verdict as never) || (r.sol.expected !== 'AC' && l.verdict !== 'AC'));
    const med = median(caught.map((l) => l.schedules ?? 0));
    return `${Math.round((100 * caught.length) / r.lines.length)}%${med === null ? '' : ` /${med}`}`;
  };
  const header = ['solution', 'expected', ...STRATEGIES.map((s) => (s === 'fifo' ? 'naive' : s))];
  const table: string[][] = [];
  let badTotal = 0;
  let badCaught = 0;
  let goodTotal = 0;
  let goodPassed = 0;
  const mismatches: string[] = [];
  const solutions = [...new Map(rows.map((r) => [r.sol.file, r])).values()];
  for (const s of solutions) {
    const mine = rows.filter((r) => r.sol.file === s.sol.file);
    const port = mine.find((r) => r.strategy === 'portfolio')!;
    if (s.sol.expected === 'AC') {
      goodTotal++;
      const ok = port.lines.every((l) => l.verdict === 'AC');
      if (ok) goodPassed++;
      table.push([`${s.problem}/${s.sol.name.replace('solutions/', '')}`, 'AC', '', '', '', '', ok ? `AC ${port.lines.length}/${port.lines.length}` : `FAILS ${port.lines.filter((l) => l.verdict !== 'AC').map((l) => `seed ${l.seed}: ${l.verdict}`).slice(0, 3).join(', ')}`]);
      continue;
    }
    badTotal++;
    if (port.lines.every((l) => l.verdict !== 'AC' && verdictMatches(s.sol.expected, l.verdict as never))) badCaught++;
    else {
      // Rejected, but not always with its folder's verdict: say which seeds, so it can be looked at.
      const off = port.lines.filter((l) => !verdictMatches(s.sol.expected, l.verdict as never));
      mismatches.push(`${s.problem}/${s.sol.name.replace('solutions/', '')}: ${off.map((l) => `seed ${l.seed} ${l.verdict}`).slice(0, 5).join(', ')}`);
    }
    table.push([`${s.problem}/${s.sol.name.replace('solutions/', '')}`, s.sol.expected, ...STRATEGIES.map((st) => cell(mine.find((r) => r.strategy === st)))]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const fmt = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log('Share of seeds that catch each known-bad solution with its expected verdict, / median schedules to the first failure');
  console.log(fmt(header));
  for (const r of table) console.log(fmt(r));
  const judged = rows.flatMap((r) => (r.strategy === 'portfolio' ? r.lines : []));
  const ms = judged.filter((l) => l.ms < SILENCE_MS).map((l) => l.ms).sort((a, b) => a - b);
  const p90 = ms[Math.floor(ms.length * 0.9)] ?? 0;
  console.log(`\nportfolio, time to judge one file (warm worker; stops at the first failing case; synchronous hangs left out): median ${median(ms)?.toFixed(0)} ms, p90 ${p90.toFixed(0)} ms, max ${(ms[ms.length - 1] ?? 0).toFixed(0)} ms`);
  console.log(`accepted solutions passing every seed: ${goodPassed}/${goodTotal}`);
  for (const m of mismatches) console.log(`not its folder's verdict under the portfolio: ${m}`);
  console.log(`wall time: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`caught: ${badCaught}/${badTotal}`);
}

void main();
