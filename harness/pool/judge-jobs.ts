/**
 * The one orchestration of sandboxed judging: `grade`, `verify`, `classroom` and `run` (and, through
 * `run`, the jest helper) hand their jobs here. It starts the sandbox, compiles a few jobs ahead
 * of the workers (esbuild's service compiles them in parallel while the workers judge), hands the
 * workers the longest jobs first, reports each result the moment it is in, and stops the workers.
 * Every job gets a result, whatever its code does; it rejects only for the caller's mistakes (an
 * unknown strategy, a bad replay token), before anything starts, or when the sandbox cannot start.
 */
import { performance } from 'node:perf_hooks';
import type { ProblemResult } from '../model/result';
import type { Job, SandboxTask } from './job';
import { limitsFor, type Limits } from './limits';
import { LongestFirst } from './longest-first';
import type { NetworkIsolation } from './netns';
import { mark } from './phases';
import { checkJob, prepareTask } from './prepare';
import { Sandbox, type JobTiming } from './sandbox';
import { languageOf } from '../loader/index';

/** The note on Python's containment, if this machine's is weaker (a missing Python is each job's JE). */
function pythonContainment(): string | undefined {
  // Loaded only when there are Python jobs, as sandbox.ts loads python-jobs.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { findPython, pythonContainmentNote } = require('../loader/python/find-python') as typeof import('../loader/python/find-python');
  try {
    return pythonContainmentNote(findPython());
  } catch {
    return undefined;
  }
}

export interface JudgeJobsOptions {
  /** Worker processes (at most one per job is started). */
  workers: number;
  /** The sandbox's limits; default: the largest memory and wall clock of the jobs' (`job.wallMs`, `job.rssMb`). */
  limits?: Limits;
  /** The runner workers judge with (tests); default: the real judge. */
  runner?: string;
  /** Further paths workers may read (a stand-in runner's files, in tests). */
  readable?: readonly string[];
  /** Hears the pid of every worker process started. */
  onWorker?: (pid: number) => void;
  /** Hears each result as soon as it is in, with the job's index (to journal it, to count it). */
  onResult?: (result: ProblemResult, index: number) => void;
  /** Hears, once each, sentences people should read about this judging (the network is not contained, nor Python's files). */
  onNote?: (text: string) => void;
  /**
   * Stopped by SIGINT, SIGTERM or SIGHUP, kill the workers, call this, and let the signal end the
   * process (finished results have been handed to onResult).
   */
  onSignal?: () => void;
  /** Order jobs longest first (default true); false keeps the given order. */
  longestFirst?: boolean;
  /** A sandbox already starting (early-sandbox.ts), used instead of a new one and closed at the end. */
  sandbox?: Promise<Sandbox>;
}

export interface JudgedJobs {
  /** One result per job, in the order of the jobs. */
  results: ProblemResult[];
  /** Per job a worker judged, in completion order: where its time went. */
  timings: JobTiming[];
  /** Starting and stopping the pool, and how many worker processes ran. */
  pool: { startMs: number; closeMs: number; workersStarted: number };
  /** Whether the workers ran without network; undefined when no worker was needed. */
  network?: NetworkIsolation;
  /** Why the workers could not start at all, when that happened (every job then has a JE). */
  broken?: string;
}

/** Judges `jobs` in one sandbox; see the file's comment. */
export async function judgeJobs(jobs: readonly Job[], o: JudgeJobsOptions): Promise<JudgedJobs> {
  for (const job of jobs) checkJob(job);
  const results: Array<ProblemResult | undefined> = jobs.map(() => undefined);
  const judged: JudgedJobs = { results: [], timings: [], pool: { startMs: 0, closeMs: 0, workersStarted: 0 } };
  if (jobs.length === 0) return judged;

  const began = performance.now();
  const sandbox = await (o.sandbox ?? Sandbox.create({
    workers: Math.max(1, Math.min(o.workers, jobs.length)),
    limits: o.limits ?? limitsOfJobs(jobs),
    runner: o.runner,
    readable: o.readable,
    onWorker: (pid) => {
      judged.pool.workersStarted++;
      o.onWorker?.(pid);
    },
  }));
  judged.pool.startMs = performance.now() - began;
  judged.network = sandbox.network;
  if (!sandbox.network.isolated && sandbox.network.note) o.onNote?.(sandbox.network.note);
  const pythonNote = jobs.some((j) => languageOf(j.file).id === 'python') ? pythonContainment() : undefined;
  if (pythonNote) o.onNote?.(pythonNote);

  const stop = (signal: NodeJS.Signals): void => {
    sandbox.killWorkers();
    o.onSignal?.();
    process.kill(process.pid, signal);
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  if (o.onSignal) for (const signal of signals) process.once(signal, stop);

  const order = o.longestFirst === false ? undefined : new LongestFirst(jobs.map((j) => j.problemId));
  let next = 0;
  const take = (): number | undefined => (order ? order.take() : next < jobs.length ? next++ : undefined);
  // Compiling runs ahead of judging by a few jobs: enough that a worker never waits for esbuild,
  // few enough that the first job is not queued behind every compile of the class.
  const ahead: Array<{ index: number; task: Promise<SandboxTask | ProblemResult> }> = [];
  const lookahead = Math.max(2, 2 * Math.min(o.workers, jobs.length));
  const nextTask = (): { index: number; task: Promise<SandboxTask | ProblemResult> } | undefined => {
    while (ahead.length < lookahead) {
      const index = take();
      if (index === undefined) break;
      mark('compile');
      ahead.push({ index, task: prepareTask(jobs[index]) });
    }
    return ahead.shift();
  };
  /** `ms`: how long a worker took; undefined for a file refused before judging (it says nothing of the problem). */
  const finish = (index: number, result: ProblemResult, ms?: number): void => {
    results[index] = result;
    if (ms !== undefined) order?.observe(jobs[index].problemId, ms);
    o.onResult?.(result, index);
  };
  const lane = async (): Promise<void> => {
    for (let item = nextTask(); item; item = nextTask()) {
      const task = await item.task;
      if ('verdict' in task) {
        finish(item.index, task);
        continue;
      }
      mark('compiled');
      const t0 = performance.now();
      const result = await sandbox.runTask(jobs[item.index], task);
      finish(item.index, result, performance.now() - t0);
    }
  };
  let closing = 0;
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.workers, jobs.length)) }, lane));
  } finally {
    if (o.onSignal) for (const signal of signals) process.off(signal, stop);
    closing = performance.now();
    await sandbox.close();
    mark('closed');
  }
  judged.pool.closeMs = performance.now() - closing;
  judged.timings = sandbox.timings;
  judged.broken = sandbox.health.broken;
  judged.results = results as ProblemResult[];
  return judged;
}

/** Limits that fit every job: the largest wall clock and resident memory any of them asks for. */
function limitsOfJobs(jobs: readonly Job[]): Limits {
  const base = limitsFor();
  const wallMs = Math.max(...jobs.map((j) => j.wallMs ?? base.wallMs));
  const rssMb = Math.max(...jobs.map((j) => j.rssMb ?? base.rssMb));
  return limitsFor(rssMb - (base.rssMb - base.heapMb), wallMs);
}
