/**
 * A worker of `bench:bugs`: judges one solution with one strategy under a list of seeds and
 * posts one line per seed. Runs in a worker thread so a solution that hangs synchronously can be
 * stopped from outside (that is a TLE, and counts as caught).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { judgeFile } from '../harness/judge/index';
import type { StrategyName } from '../harness/strategies/registry';

export interface BugsTask {
  problem: string;
  file: string;
  strategy: StrategyName;
  seeds: number[];
}

export interface BugsLine {
  seed: number;
  verdict: string;
  /** Schedules run until the first failure (all cases before it included); null when none. */
  schedules: number | null;
  ms: number;
}

async function main(): Promise<void> {
  const task = workerData as BugsTask;
  for (const seed of task.seeds) {
    const t0 = performance.now();
    let last = 0;
    const onRun = (): void => {
      // A sign of life: a judging that takes long is not a hang (only a synchronous loop is).
      const now = Date.now();
      if (now - last > 250) {
        last = now;
        parentPort!.postMessage('alive');
      }
    };
    const r = await judgeFile(task.problem, task.file, { seed, strategy: task.strategy, stopAtFirstFailure: true, onRun });
    let schedules: number | null = null;
    let before = 0;
    for (const c of r.cases) {
      if (c.failure) {
        schedules = before + c.failure.schedulesToFailure;
        break;
      }
      before += c.explored.schedules;
    }
    if (r.verdict !== 'AC' && schedules === null) schedules = 1; // CE, or a load-time failure
    const line: BugsLine = { seed, verdict: r.verdict, schedules, ms: performance.now() - t0 };
    parentPort!.postMessage(line);
  }
}

void main();
