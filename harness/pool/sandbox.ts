/**
 * The sandbox: a tinypool pool of child-process workers that judge jobs under containment. The
 * parent enforces what a worker cannot enforce on itself: a wall-clock limit per job and a limit
 * on resident memory, by killing the worker; tinypool then starts a fresh one and the other jobs
 * go on. Every job gets a ProblemResult, whatever its code does.
 */
import * as os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { ProblemResult } from '../model/result';
import { runAttempt, type JobTiming, type Pool } from './attempt';
import { watchChild, type ChildWatch } from './child-watch';
import { Health } from './health';
import { mark } from './phases';
import { acquireNetworkIsolation, releaseNetworkIsolation, type NetworkIsolation } from './netns';
import type { Job, SandboxTask } from './job';
import { RETAINED_HEAP_MB, type Limits } from './limits';
import { readablePaths, sandboxEnv, sandboxExecArgv } from './permissions';
import { defaultRunnerFile, workerFile } from './paths';
import { Slots } from './slots';

/*
 * The judge, the compiler and the Python runner are loaded when the first job needs them, not
 * when the sandbox starts: `interleave run` starts its worker before it loads any of them.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const death = (): typeof import('./death') => require('./death');
const prepare = (): typeof import('./prepare') => require('./prepare');
const python = (): typeof import('./python-jobs') => require('./python-jobs');
/* eslint-enable @typescript-eslint/no-require-imports */

export type { JobTiming } from './attempt';

export interface SandboxOptions {
  /** How many worker processes judge at once. */
  workers: number;
  limits: Limits;
  /** The runner module workers judge with (a compiled .js file); default: the real judge. */
  runner?: string;
  /** Further paths workers may read (a stand-in runner's own files, in tests). */
  readable?: readonly string[];
  /** Hears the pid of every worker process the first time the sandbox sees it. */
  onWorker?: (pid: number) => void;
}

/**
 * Does a pool of `workers` keep every core busy? Then each worker runs V8 on one thread
 * (`--single-threaded`): its helper threads (parallel scavenges, concurrent marking and
 * compiling) would only take cores from the other workers: two such workers on two cores graded a
 * 30-student class in 21.2–21.6 s with 38–39 s of CPU, against 24.2–25.2 s and 43–45 s with helper
 * threads. A smaller pool (`interleave run`, the jest helper, `--workers 1`) keeps them: there
 * they use idle cores and make a job about 13% faster.
 */
export function fillsTheMachine(workers: number, cores = os.availableParallelism()): boolean {
  return workers >= cores;
}

/** Tries per job when no worker takes it (a worker crashing while it starts). */
const MAX_ATTEMPTS = 2;

export class Sandbox {
  /** Per finished job, in completion order. */
  readonly timings: JobTiming[] = [];
  /** Worker failures outside any job (a worker crashing while idle): for diagnostics. */
  readonly incidents: string[] = [];
  readonly health = new Health();
  private readonly slots: Slots;
  private readonly seen = new Set<number>();
  private closed = false;

  private constructor(
    private readonly pool: Pool,
    private readonly options: SandboxOptions,
    /** Whether the workers started without network (and if not, a note saying why). */
    readonly network: NetworkIsolation,
  ) {
    this.slots = new Slots(options.workers);
    pool.on('error', (error: Error) => this.incidents.push(error.message));
  }

  /** Starts the workers (they load the judge and lock down while the caller prepares jobs). */
  static async create(options: SandboxOptions): Promise<Sandbox> {
    mark('sandbox');
    const { Tinypool } = await import('tinypool');
    const runner = options.runner ?? defaultRunnerFile();
    const readable = readablePaths(undefined, [runner, ...(options.readable ?? [])]);
    // From here until close(), every worker tinypool forks starts in a network namespace of its own.
    const network = acquireNetworkIsolation();
    let pool: Pool;
    try {
      pool = new Tinypool({
        filename: workerFile(),
        runtime: 'child_process',
        minThreads: options.workers,
        maxThreads: options.workers,
        execArgv: sandboxExecArgv({ heapMb: options.limits.heapMb, readable, singleThreaded: fillsTheMachine(options.workers) }),
        env: sandboxEnv(runner),
        // A worker whose heap stayed large after a job (collected, worker.ts) is replaced rather
        // than handed the next one.
        maxMemoryLimitBeforeRecycle: RETAINED_HEAP_MB * 1024 * 1024,
      });
    } catch (e) {
      releaseNetworkIsolation();
      throw e;
    }
    const sandbox = new Sandbox(pool, options, network);
    sandbox.watch();
    return sandbox;
  }

  /**
   * Judges one job. Whatever the learner's code does, it resolves: a worker that dies gives the job
   * a TLE, MLE, RTE or JE result. It rejects only for the caller's mistakes, before judging: an
   * unknown strategy (UnknownStrategyError) or a bad replay token (ReplayTokenError).
   */
  async run(job: Job): Promise<ProblemResult> {
    prepare().checkJob(job);
    const task = await prepare().prepareTask(job);
    if ('verdict' in task) return task;
    return this.runTask(job, task);
  }

  /**
   * Judges a job whose task the caller already prepared (read and compiled, see prepare.ts), so
   * that compiling the next jobs can overlap judging this one (judge-jobs.ts). Never rejects for
   * the learner's faults.
   */
  async runTask(job: Job, task: SandboxTask): Promise<ProblemResult> {
    await this.slots.acquire();
    const begun = performance.now();
    const limits: Limits = {
      ...this.options.limits,
      wallMs: job.wallMs ?? this.options.limits.wallMs,
      rssMb: job.rssMb ?? this.options.limits.rssMb,
    };
    try {
      // Python: judged outside the Node sandbox, in its own contained process (python-jobs.ts).
      if (python().isPythonTask(task)) return await python().judgePythonTask(job, task, limits.wallMs);
      let detail = '';
      for (let attempts = 1; attempts <= MAX_ATTEMPTS && !this.health.broken; attempts++) {
        const outcome = await runAttempt({ pool: this.pool, limits, health: this.health, watch: (pid) => this.watch(pid) }, task);
        if (outcome.kind === 'not-started') {
          detail = outcome.detail;
          this.health.jobNotStarted(job);
          continue;
        }
        this.timings.push({ ...outcome.timing, attempts });
        return outcome.kind === 'done' ? outcome.result : death().deathResult(job, outcome.death, outcome.timing.runMs);
      }
      const why = this.health.broken
        ? ({ kind: 'start', attempts: 0, detail: this.health.broken } as const)
        : ({ kind: 'start', attempts: MAX_ATTEMPTS, detail } as const);
      return death().deathResult(job, why, performance.now() - begun);
    } finally {
      this.slots.release();
    }
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    try {
      await this.pool.destroy();
    } finally {
      if (!this.closed) releaseNetworkIsolation();
      this.closed = true;
    }
  }

  /** Kills every worker at once (the grader is being stopped by a signal). */
  killWorkers(): void {
    for (const worker of this.pool.threads) {
      try {
        process.kill(worker.threadId, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }

  /**
   * Watches the worker with `pid`, or every current worker (new ones appear after deaths): their
   * output is cut from the grader's, and their crashes are told to {@link health}.
   */
  private watch(pid?: number): ChildWatch | undefined {
    let found: ChildWatch | undefined;
    for (const worker of this.pool.threads) {
      if (pid !== undefined && worker.threadId !== pid) continue;
      if (!this.seen.has(worker.threadId)) {
        this.seen.add(worker.threadId);
        this.options.onWorker?.(worker.threadId);
      }
      found = watchChild(worker, (tail, crashed) => this.health.workerCrashed(crashed, tail));
    }
    return found;
  }
}
