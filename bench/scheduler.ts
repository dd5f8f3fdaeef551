/**
 * Scheduling steps per second of the controlled scheduler on FooBar, next to the practical floor
 * measured in the same run: two async functions handing a turn back and forth through bare
 * promises. Prints both rates and, last, `ratio: <scheduler rate / hand-off rate>`.
 *
 *   npm run bench:scheduler
 *   npm run bench:scheduler -- --rounds 40
 *   npm run bench:scheduler -- --instructions
 *
 * `--instructions` counts instructions instead of timing (valgrind's callgrind, Node with
 * `--predictable`): instructions a scheduling step and a hand-off, and a whole job (an accepted
 * zero-even-odd judged in this process: thousands of short runs, where a run's own cost shows,
 * which FooBar n=1000 hides), each the difference of a short and a long run so that start-up
 * cancels out. Slow (about six minutes) but the same on a loaded machine to about 1%, where
 * wall-clock ratios swing twofold: the way to compare two builds.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { compileFor, loadSubmission } from '../harness/loader/index';
import { executeRun } from '../harness/judge/execution';
import { loadProblem } from '../harness/judge/problems';
import { judgeSubmission } from '../harness/judge/judge';
import { RandomStrategy } from '../harness/strategies/random';
import { PctStrategy } from '../harness/strategies/pct';
import { packageRoot } from '../harness/paths';

const HANDOFFS = 2_000_000;
const ROUNDS = 5;

/** `--rounds N` (default 5): more rounds show a step's time once the garbage collector's phases have come round. */
function roundsOption(): number {
  const i = process.argv.indexOf('--rounds');
  if (i < 0) return ROUNDS;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--rounds takes a whole number of rounds, such as 40 (got ${process.argv[i + 1]})`);
  return n;
}

/** Two async functions alternating through promise resolvers: the cost of one hand-off. */
async function handoffRate(handoffs = HANDOFFS): Promise<number> {
  let resolveA: () => void = () => {};
  let resolveB: () => void = () => {};
  const n = handoffs / 2;
  const a = async (): Promise<void> => {
    for (let i = 0; i < n; i++) {
      await new Promise<void>((r) => (resolveA = r));
      resolveB();
    }
  };
  const b = async (): Promise<void> => {
    for (let i = 0; i < n; i++) {
      resolveA();
      await new Promise<void>((r) => (resolveB = r));
    }
  };
  const t0 = performance.now();
  const pa = a();
  await Promise.resolve();
  await Promise.all([pa, b()]);
  return handoffs / ((performance.now() - t0) / 1000);
}

async function schedulerRate(strategyName: 'random' | 'pct', runs = 20): Promise<{ rate: number; steps: number }> {
  const problem = loadProblem('foobar');
  const file = path.join(packageRoot(), 'problems/foobar/solutions/accepted/semaphores.ts');
  const sub = await loadSubmission(file);
  const caseIndex = problem.spec.cases.length - 1; // n = 1000
  let steps = 0;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const strategy = strategyName === 'random' ? new RandomStrategy(i) : new PctStrategy(i, 3);
    strategy.nextSchedule();
    const r = await executeRun(problem, sub, { caseIndex, order: [0, 1], strategy, dataSeed: i, tracing: false, budget: 1e7 });
    if (r.verdict !== 'OK') throw new Error(`bench solution failed: ${r.verdict} ${r.message}`);
    steps += r.steps;
  }
  return { rate: steps / ((performance.now() - t0) / 1000), steps };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

type Measured = 'handoff' | 'scheduler' | 'job';

/** Instructions of this bench doing `count` units of `what`, under callgrind. */
async function instructions(what: Measured, count: number): Promise<{ instructions: number; units: number }> {
  const args = ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--predictable', '--random-seed=42', '--hash-seed=42'];
  let r: { stdout: string; stderr: string };
  try {
    r = await promisify(execFile)('valgrind', [...args, __filename, '--only', what, String(count)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  } catch (e) {
    throw new Error(`valgrind failed (is it installed? apt-get install valgrind): ${(e as Error).message.slice(-800)}`);
  }
  const collected = /Collected\s*:\s*(\d+)/.exec(r.stderr);
  const units = /units (\d+)/.exec(r.stdout);
  if (!collected || !units) throw new Error(`unexpected valgrind output:\n${r.stdout}\n${r.stderr.slice(-500)}`);
  return { instructions: Number(collected[1]), units: Number(units[1]) };
}

/** Instructions a unit: the long run's less the short run's (both at once: counts do not depend on load). */
async function perUnit(what: Measured, small: number, large: number): Promise<number> {
  const [a, b] = await Promise.all([instructions(what, small), instructions(what, large)]);
  return (b.instructions - a.instructions) / (b.units - a.units);
}

/**
 * Judges an accepted zero-even-odd `count` times in this process, compiled once beforehand: waiting
 * for esbuild's service process would count event-loop turns that depend on the machine's load.
 */
async function judgeJobs(count: number): Promise<void> {
  const problem = loadProblem('zero-even-odd');
  const file = path.join(packageRoot(), 'problems/zero-even-odd/solutions/accepted/semaphores.ts');
  const source = fs.readFileSync(file, 'utf8');
  const compiled = await compileFor(file, source);
  for (let i = 0; i < count; i++) {
    const r = await judgeSubmission(problem, file, { source, compiled });
    if (r.verdict !== 'AC') throw new Error(`bench solution failed: ${r.verdict}`);
  }
}

async function only(what: string, count: number): Promise<void> {
  if (what === 'handoff') {
    await handoffRate(count);
    console.log(`units ${count}`);
  } else if (what === 'job') {
    await judgeJobs(count);
    console.log(`units ${count}`);
  } else {
    console.log(`units ${(await schedulerRate('random', count)).steps}`);
  }
}

async function main(): Promise<void> {
  const o = process.argv.indexOf('--only');
  if (o >= 0) return only(process.argv[o + 1], Number(process.argv[o + 2]));
  if (process.argv.includes('--instructions')) {
    const job = await perUnit('job', 1, 3);
    const [hand, sched] = await Promise.all([perUnit('handoff', 50_000, 250_000), perUnit('scheduler', 5, 25)]);
    console.log(`a whole job, zero-even-odd (accepted): ${(job / 1e9).toFixed(3)} G instructions`);
    console.log(`bare promise hand-off:            ${hand.toFixed(0)} instructions each`);
    console.log(`scheduler, FooBar n=1000, random: ${sched.toFixed(0)} instructions a step`);
    console.log(`ratio (instructions): ${(hand / sched).toFixed(3)}`);
    return;
  }
  const rounds = roundsOption();
  await handoffRate(); // warm up
  await schedulerRate('random');
  const hand: number[] = [];
  const sched: number[] = [];
  const pct: number[] = [];
  let faults = 0;
  let steps = 0;
  for (let r = 0; r < rounds; r++) {
    hand.push(await handoffRate());
    const before = process.resourceUsage().minorPageFault;
    const random = await schedulerRate('random');
    faults += process.resourceUsage().minorPageFault - before;
    steps += random.steps;
    sched.push(random.rate);
    pct.push((await schedulerRate('pct')).rate);
  }
  const fmt = (x: number): string => `${(x / 1e6).toFixed(2)} M/s`;
  const ns = (rate: number): string => (1e9 / rate).toFixed(0);
  console.log(`bare promise hand-off:            ${fmt(median(hand))}  (${ns(median(hand))} ns each)`);
  console.log(`scheduler, FooBar n=1000, random: ${fmt(median(sched))} steps  (${ns(median(sched))} ns each; ${ns(Math.max(...sched))}–${ns(Math.min(...sched))} over ${rounds} rounds)`);
  // The kernel's page faults while the scheduler ran: a run that outlives itself shows here first.
  console.log(`page faults:                      ${((faults / steps) * 1000).toFixed(1)} per 1,000 steps`);
  console.log(`scheduler, FooBar n=1000, pct:    ${fmt(median(pct))} steps`);
  console.log(`ratio: ${(median(sched) / median(hand)).toFixed(3)}`);
}

void main();
