/**
 * Scheduling steps per second of the controlled scheduler on FooBar, next to the practical floor
 * measured in the same run: two async functions handing a turn back and forth through bare
 * promises. Prints both rates and, last, `ratio: <scheduler rate / hand-off rate>`.
 *
 *   npm run bench:scheduler
 */
import * as path from 'node:path';
import { loadSubmission } from '../harness/loader/index';
import { executeRun } from '../harness/judge/execution';
import { loadProblem } from '../harness/judge/problems';
import { RandomStrategy } from '../harness/strategies/random';
import { PctStrategy } from '../harness/strategies/pct';
import { packageRoot } from '../harness/paths';

const HANDOFFS = 2_000_000;
const ROUNDS = 5;

/** Two async functions alternating through promise resolvers: the cost of one hand-off. */
async function handoffRate(): Promise<number> {
  let resolveA: () => void = () => {};
  let resolveB: () => void = () => {};
  const n = HANDOFFS / 2;
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
  return HANDOFFS / ((performance.now() - t0) / 1000);
}

async function schedulerRate(strategyName: 'random' | 'pct'): Promise<{ rate: number; steps: number }> {
  const problem = loadProblem('foobar');
  const file = path.join(packageRoot(), 'problems/foobar/solutions/accepted/semaphores.ts');
  const sub = await loadSubmission(file);
  const caseIndex = problem.spec.cases.length - 1; // n = 1000
  let steps = 0;
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) {
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

async function main(): Promise<void> {
  await handoffRate(); // warm up
  await schedulerRate('random');
  const hand: number[] = [];
  const sched: number[] = [];
  const pct: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    hand.push(await handoffRate());
    sched.push((await schedulerRate('random')).rate);
    pct.push((await schedulerRate('pct')).rate);
  }
  const fmt = (x: number): string => `${(x / 1e6).toFixed(2)} M/s`;
  console.log(`bare promise hand-off:            ${fmt(median(hand))}  (${(1e9 / median(hand)).toFixed(0)} ns each)`);
  console.log(`scheduler, FooBar n=1000, random: ${fmt(median(sched))} steps  (${(1e9 / median(sched)).toFixed(0)} ns each)`);
  console.log(`scheduler, FooBar n=1000, pct:    ${fmt(median(pct))} steps`);
  console.log(`ratio: ${(median(sched) / median(hand)).toFixed(3)}`);
}

void main();
