/**
 * A sandbox worker: the file tinypool runs in each child process (started with the permission
 * model, see permissions.ts). On load it silences its stdout, loads the runner and hardens the
 * realm, all before any learner code; then for each job it tells the parent its pid, waits for
 * the go-ahead, and judges.
 */
import type { ProblemResult } from '../model/result';
import type { SandboxTask } from './job';
import { shouldCollect } from './limits';
import { isGo, type StartedMessage } from './protocol';
import { RUNNER_ENV, type SandboxRunner } from './runner';

// Nothing a worker prints may pass for the grader's output; the parent also cuts the pipe.
process.stdout.write = (() => true) as typeof process.stdout.write;

// A worker whose grader died (kill -9) must not live on. One spinning in a loop cannot hear this:
// the next grader on the same output folder kills it (batch/claim.ts).
process.on('disconnect', () => process.exit(0));

// The judge's own means to see what a job left behind (a global of this start compartment only:
// learner code runs in a Compartment of its own, whose globals are its endowments).
const collect = (globalThis as { gc?: () => void }).gc;

const runner = loadRunner();
runner.hardenRealm();

function loadRunner(): SandboxRunner {
  const file = process.env[RUNNER_ENV];
  if (!file) throw new Error(`${RUNNER_ENV} is not set: a sandbox worker must be started by the Sandbox.`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as SandboxRunner;
}

function handshake(): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown): void => {
      if (!isGo(message)) return;
      process.off('message', onMessage);
      resolve();
    };
    process.on('message', onMessage);
    const started: StartedMessage = { interleave: 'started', pid: process.pid };
    process.send?.(started);
  });
}

/**
 * Resolves once the microtask queue is empty. Code left running after the judge answered (an
 * endless promise chain the learner started and never awaited) would slow every later job on
 * this worker; so a job ends only when the worker is idle, and such a chain runs into the
 * time limit instead: TLE, and a fresh worker.
 */
function idle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** This worker's resident memory once loaded and hardened, before any job. */
const bootRss = process.memoryUsage.rss();

/**
 * Collects when a job ends with a large heap, so that tinypool, which reads it next, replaces this
 * worker for what the job left behind (RETAINED_HEAP_MB), never for its garbage; or with much
 * resident memory (binary data, outside the heap: typed arrays a job made and dropped), so that the
 * next job's memory limit, measured on the process, is not charged for the last job's garbage.
 */
function collectIfLarge(): void {
  if (shouldCollect(process.memoryUsage(), bootRss)) collect?.();
}

/** tinypool's task handler: one job. */
export default async function judgeInWorker(task: SandboxTask): Promise<ProblemResult> {
  await handshake();
  const result = await runner.judgeTask(task);
  await idle();
  collectIfLarge();
  return result;
}
