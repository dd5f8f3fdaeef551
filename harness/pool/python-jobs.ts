/**
 * Python jobs skip the Node sandbox worker: no learner code runs in Node for them (the judge's
 * side only performs operations Python reports), and the Node worker's permission model would
 * have to allow child processes for every job to start the Python runner. So each Python job is
 * judged in a plain Node child (python-worker.ts) that starts the contained Python process (its
 * own limits, audit hook, network namespace, see harness/loader/python/). A job past its time
 * limit (the CPU time of the child and its Python processes) is killed: TLE, as for a sandbox
 * worker.
 */
import { fork } from 'node:child_process';
import * as path from 'node:path';
import { languageOf } from '../loader/index';
import { findPython, PROBED_ENV } from '../loader/python/index';
import type { ProblemResult } from '../model/result';
import { problemsDir } from '../paths';
import { pinArgs, releaseCpu, takeCpu } from './cpu-pin';
import { failedResult } from './death';
import type { Job, SandboxTask } from './job';
import { cpuMs } from './cpu-time';

/** How often a Python job's CPU time is read, in ms. */
const CPU_POLL_MS = 200;

/**
 * The wall-clock backstop of a Python job, in multiples of its CPU time limit (itself
 * PYTHON_WALL_FACTOR times the problem's): smaller than a sandbox worker's, as the limit is large
 * already and a Python process can block for real (its own 3 s step watchdog names that case).
 */
export const PYTHON_BACKSTOP = 3;

/** Is the task's file in a language judged outside the Node sandbox? */
export function isPythonTask(task: SandboxTask): boolean {
  return languageOf(task.fileName).id === 'python';
}

/**
 * A Python step costs about six times a TypeScript one (bench:python): the problem's time
 * limit, a backstop sized for TypeScript, is this many times longer for Python, so a correct
 * Python file is never cut off. The step budgets, deterministic, stay the same,
 * and the runner names a single step that runs over 3 s.
 */
export const PYTHON_WALL_FACTOR = 10;

/** Judges one Python job in a child process; never rejects for the learner's faults. */
export function judgePythonTask(job: Job, task: SandboxTask, problemWallMs: number): Promise<ProblemResult> {
  const wallMs = problemWallMs * PYTHON_WALL_FACTOR;
  let python: ReturnType<typeof findPython>;
  try {
    python = findPython();
  } catch (e) {
    return Promise.resolve(failedResult(job, 'JE', (e as Error).message));
  }
  const begun = performance.now();
  return takeCpu().then((cpu) => judgeIn(cpu, job, task, python, wallMs, begun));
}

function judgeIn(cpu: number | undefined, job: Job, task: SandboxTask, python: ReturnType<typeof findPython>, wallMs: number, begun: number): Promise<ProblemResult> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'python-worker.js'), [], {
      ...pinArgs(cpu, ['--max-old-space-size=512']),
      env: { INTERLEAVE_PYTHON: python.executable, [PROBED_ENV]: JSON.stringify(python), INTERLEAVE_PROBLEMS: problemsDir(), PATH: '/usr/local/bin:/usr/bin:/bin', TZ: 'UTC', LANG: 'C' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 2000) stderr += d.toString('utf8');
    });
    let settled = false;
    const done = (r: ProblemResult): void => {
      if (settled) return;
      settled = true;
      releaseCpu(cpu);
      clearTimeout(timer);
      clearInterval(cpuPoll);
      child.kill('SIGKILL');
      resolve(r);
    };
    // The limit counts the CPU time of the child and its Python processes, so that a loaded
    // machine cannot decide a verdict; the clock is the limit only where /proc is missing.
    const cpuAtStart = child.pid === undefined ? undefined : cpuMs(child.pid, true);
    const clockMs = cpuAtStart === undefined ? wallMs : wallMs * PYTHON_BACKSTOP;
    const timer = setTimeout(
      () =>
        done(
          failedResult(
            job,
            'TLE',
            cpuAtStart === undefined
              ? `judging took longer than the wall-clock limit of ${Math.round(wallMs / 1000)} s`
              : `judging took ${Math.round(clockMs / 1000)} s of wall-clock time, ${PYTHON_BACKSTOP} times its limit of ${Math.round(wallMs / 1000)} s of CPU time, without finishing (an overloaded machine? judge it again)`,
            performance.now() - begun,
          ),
        ),
      clockMs,
    );
    const cpuPoll =
      cpuAtStart === undefined
        ? undefined
        : setInterval(() => {
            const used = (cpuMs(child.pid!, true) ?? cpuAtStart) - cpuAtStart;
            if (used > wallMs) done(failedResult(job, 'TLE', `judging took more than its limit of ${Math.round(wallMs / 1000)} s of CPU time`, performance.now() - begun));
          }, CPU_POLL_MS);
    child.on('message', (m: unknown) => {
      const msg = m as { result?: ProblemResult; error?: string };
      if (msg.result) done(msg.result);
      else done(failedResult(job, 'JE', `the Python job failed: ${msg.error ?? 'no result'}`, performance.now() - begun));
    });
    child.on('exit', (code, signal) =>
      done(failedResult(job, 'JE', `the process judging ${task.fileName} ended (${signal ?? `exit ${code}`}) without a result${stderr ? `: ${stderr.trim().slice(-300)}` : ''}`, performance.now() - begun)),
    );
    child.send(task);
  });
}
