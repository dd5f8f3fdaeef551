/**
 * One try at a job on the pool, guarded: the worker announces itself (protocol.ts), then the
 * parent samples its resident memory and CPU time, and kills the worker past either limit (or
 * past a wall clock, the backstop). How the try ended (a result, a death, or no worker taking
 * it) is the outcome.
 */
import { performance } from 'node:perf_hooks';
import type { ProblemResult } from '../model/result';
import type { ChildWatch } from './child-watch';
import type { Death } from './death';
import type { Health } from './health';
import type { SandboxTask } from './job';
import { CPU_POLL_EVERY, type Limits } from './limits';
import { cpuMs } from './cpu-time';
import { residentMb } from './memory';
import { mark } from './phases';
import { isStarted, type GoMessage } from './protocol';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- ajv loads when the first result arrives (or is warmed up)
const resultCheck = (): typeof import('./result-check') => require('./result-check');

type TinypoolModule = typeof import('tinypool', { with: { 'resolution-mode': 'import' } });
export type Pool = InstanceType<TinypoolModule['Tinypool']>;

/** Where the time of a job went, for the batch benchmark. */
export interface JobTiming {
  /** From handing the job to the pool until a worker took it (includes starting that worker). */
  waitMs: number;
  /** From the worker taking the job until its result arrived. */
  runMs: number;
  /** Workers started for this job because the previous one died or never took it. */
  attempts: number;
}

export type Attempt =
  | { kind: 'done'; result: ProblemResult; timing: Omit<JobTiming, 'attempts'> }
  | { kind: 'death'; death: Death; timing: Omit<JobTiming, 'attempts'> }
  | { kind: 'not-started'; detail: string };

export interface AttemptContext {
  pool: Pool;
  /** This job's limits. */
  limits: Limits;
  health: Health;
  /** Starts watching the worker with this pid (or every worker, without one). */
  watch(pid?: number): ChildWatch | undefined;
}

export function runAttempt(ctx: AttemptContext, task: SandboxTask): Promise<Attempt> {
  const { limits, health } = ctx;
  const submitted = performance.now();
  let started = 0;
  let pid: number | undefined;
  let killed: Death | undefined;
  let watch: ChildWatch | undefined;
  let toWorker: ((message: GoMessage) => void) | undefined;
  const timers: NodeJS.Timeout[] = [];
  const abort = new AbortController();
  const giveUp = (): void => abort.abort();

  const kill = (death: Death): void => {
    if (killed || watch?.exit() || pid === undefined) return;
    killed = death;
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone: its exit settles the job.
    }
  };
  const onStarted = (workerPid: number): void => {
    pid = workerPid;
    started = performance.now();
    mark('started');
    clearTimeout(timers[0]);
    health.offBroken(giveUp);
    health.workerStarted(workerPid);
    watch = ctx.watch(workerPid);
    // The time limit counts the worker's CPU time (a loaded machine must not decide a verdict);
    // the clock is the limit only where CPU time cannot be read, and a backstop otherwise.
    const cpuAtStart = cpuMs(workerPid);
    const wallMs = cpuAtStart === undefined ? limits.wallMs : limits.wallMs * limits.wallBackstop;
    const byClock: Death = cpuAtStart === undefined ? { kind: 'wall', limitMs: wallMs } : { kind: 'wall', limitMs: wallMs, cpuLimitMs: limits.wallMs };
    timers.push(setTimeout(() => kill(byClock), wallMs));
    let polls = 0;
    timers.push(
      setInterval(() => {
        const usedMb = residentMb(workerPid);
        if (usedMb !== undefined && usedMb > limits.rssMb) kill({ kind: 'rss', limitMb: limits.rssMb, usedMb });
        if (cpuAtStart !== undefined && ++polls % CPU_POLL_EVERY === 0) {
          const used = (cpuMs(workerPid) ?? cpuAtStart) - cpuAtStart;
          if (used > limits.wallMs) kill({ kind: 'cpu', limitMs: limits.wallMs });
        }
      }, limits.memoryPollMs),
    );
    toWorker?.({ interleave: 'go' });
    // While the worker judges, the grader has nothing to do: it compiles the results validator
    // then (once per process), not when the result arrives and a learner is waiting.
    setImmediate(() => resultCheck().warmResultCheck());
  };
  timers.push(setTimeout(giveUp, limits.startMs));
  health.onBroken(giveUp);

  const channel = {
    onMessage: (send: (message: GoMessage) => void) => {
      toWorker = send;
    },
    postMessage: (message: unknown) => {
      if (isStarted(message) && pid === undefined) onStarted(message.pid);
    },
  };
  const timing = (): Omit<JobTiming, 'attempts'> => ({
    waitMs: (started || performance.now()) - submitted,
    runMs: started ? performance.now() - started : 0,
  });

  const running = ctx.pool.run(task, { signal: abort.signal, channel });
  ctx.watch();
  return running
    .then(
      (result: unknown): Attempt => {
        mark('judged');
        const problem = resultCheck().malformed(result);
        return problem
          ? { kind: 'death', death: { kind: 'judge', detail: problem }, timing: timing() }
          : { kind: 'done', result: resultCheck().boundStrings(result as ProblemResult), timing: timing() };
      },
      (error: Error): Attempt => {
        if (killed) return { kind: 'death', death: killed, timing: timing() };
        if (pid === undefined) {
          const why = health.broken ?? (abort.signal.aborted ? `no worker took it within ${limits.startMs / 1000} s` : error.message);
          const words = !health.broken && health.lastCrash ? ` (the last worker that crashed said: ${health.lastCrash})` : '';
          return { kind: 'not-started', detail: why + words };
        }
        const exit = watch?.exit();
        if (exit || (!watch && /exited unexpectedly/.test(error.message))) {
          const ended = exit ?? { code: null, signal: null };
          return { kind: 'death', death: { kind: 'exit', ...ended, stderr: watch?.stderrTail() ?? '', heapMb: limits.heapMb }, timing: timing() };
        }
        return { kind: 'death', death: { kind: 'judge', detail: describeError(error) }, timing: timing() };
      },
    )
    .finally(() => {
      health.offBroken(giveUp);
      timers.forEach((t) => clearTimeout(t));
    });
}

/** A judge error as a worker sends it (tinypool copies the error's own fields): message, code, where. */
function describeError(error: Error & { code?: string; permission?: string; resource?: string }): string {
  const code = error.code ? ` [${[error.code, error.permission, error.resource].filter(Boolean).join(' ')}]` : '';
  const at = (error.stack ?? '').split('\n').find((l) => l.trim().startsWith('at '))?.trim();
  return `${error.message}${code}${at ? ` (${at})` : ''}`;
}
