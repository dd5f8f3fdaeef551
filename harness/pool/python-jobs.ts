/**
 * Python jobs skip the Node sandbox worker: no learner code runs in Node for them (the judge's
 * side only performs operations Python reports), and the Node worker's permission model would
 * have to allow child processes for every job to start the Python runner. So each Python job is
 * judged in a plain Node child (python-worker.ts) that starts the contained Python process (its
 * own limits, audit hook, network namespace, see harness/loader/python/). A job past its wall
 * clock is killed: TLE, as for a sandbox worker.
 */
import { fork } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { languageOf } from '../loader/index';
import { findPython, PROBED_ENV } from '../loader/python/index';
import type { ProblemResult } from '../model/result';
import { problemsDir } from '../paths';
import { failedResult } from './death';
import type { Job, SandboxTask } from './job';

/** Is the task's file in a language judged outside the Node sandbox? */
export function isPythonTask(task: SandboxTask): boolean {
  return languageOf(task.fileName).id === 'python';
}

/**
 * A Python step costs about six times a TypeScript one (bench:python): the problem's wall-clock
 * limit, a backstop sized for TypeScript, is this many times longer for Python, so a correct
 * Python file is not cut off on a loaded machine. The step budgets, deterministic, stay the same,
 * and the runner names a single step that runs over 3 s.
 */
export const PYTHON_WALL_FACTOR = 10;

/**
 * The judge's Node process and its Python runner never run at once (one waits on the other at
 * every step), so they lose nothing by sharing one CPU, and sharing it keeps every wake-up on that
 * CPU: on the 2-core VM a Node-Python round trip took 72-90 µs between two CPUs (an idle CPU is
 * slow to wake) and 16 µs on one, and ZeroEvenOdd was judged in 3.8 s instead of 8.6-10.2 s. So
 * each job's process tree is pinned (`taskset -c`) to one of the CPUs this process may use: the
 * one with the fewest Python jobs of this process on it, and of those the least busy in /proc/stat
 * lately (pinned to a CPU a busy loop held, the same judging took 7.1 s; to the other, 3.9 s).
 * When even that CPU is busy, or taskset or the CPU list is missing, jobs run unpinned.
 */
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
});

/** The CPUs this process may run on (`Cpus_allowed_list`), or none when that cannot be read. */
function allowedCpus(): number[] {
  let text = '';
  try {
    text = /^Cpus_allowed_list:\s*(\S+)$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '';
  } catch {
    return [];
  }
  const cpus: number[] = [];
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map(Number);
    if (!Number.isInteger(a)) return [];
    for (let c = a; c <= (Number.isInteger(b) ? b : a); c++) cpus.push(c);
  }
  return cpus;
}

let cpus: number[] | undefined;
const jobsOn = new Map<number, number>();

/** Busy and total jiffies of each CPU since boot (/proc/stat). */
function cpuTimes(): Map<number, { busy: number; total: number }> {
  const out = new Map<number, { busy: number; total: number }>();
  let text = '';
  try {
    text = fs.readFileSync('/proc/stat', 'utf8');
  } catch {
    return out;
  }
  for (const m of text.matchAll(/^cpu(\d+) (.*)$/gm)) {
    const f = m[2].trim().split(/\s+/).map(Number);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    const total = f.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
    out.set(Number(m[1]), { busy: total - idle, total });
  }
  return out;
}

/**
 * The last /proc/stat sample: how busy each CPU was is measured from it to the next job. The
 * first is taken when this module loads, so a one-file run seldom waits for a window: /proc/stat
 * counts in hundredths of a second, so a window is at least WINDOW_MS.
 */
let sample: { at: number; times: Map<number, { busy: number; total: number }> } | undefined =
  process.platform === 'linux' ? { at: Date.now(), times: cpuTimes() } : undefined;
const WINDOW_MS = 80;

/** A CPU for a new job (released with releaseCpu), or undefined to run unpinned. */
async function takeCpu(): Promise<number | undefined> {
  cpus ??= TASKSET && process.platform === 'linux' ? allowedCpus() : [];
  if (cpus.length < 2) return undefined;
  if (!sample || Date.now() - sample.at > 5000) sample = { at: Date.now(), times: cpuTimes() };
  const wait = WINDOW_MS - (Date.now() - sample.at);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const now = cpuTimes();
  const before = sample.times;
  const busy = (c: number): number => {
    const a = before.get(c);
    const b = now.get(c);
    return a && b && b.total > a.total ? (b.busy - a.busy) / (b.total - a.total) : 0;
  };
  sample = { at: Date.now(), times: now };
  let best = cpus[0];
  for (const c of cpus) {
    const jobs = jobsOn.get(c) ?? 0;
    const bestJobs = jobsOn.get(best) ?? 0;
    if (jobs < bestJobs || (jobs === bestJobs && busy(c) < busy(best))) best = c;
  }
  // Every CPU busy with other work: the kernel's balancing does better than a pin that cannot move
  // (pinned to a CPU another process kept busy, ZeroEvenOdd took 12 s; unpinned, 4 s).
  if (busy(best) > BUSY) return undefined;
  jobsOn.set(best, (jobsOn.get(best) ?? 0) + 1);
  return best;
}

/** Above this share of its time busy, a CPU is not worth pinning a job to. */
const BUSY = 0.5;

function releaseCpu(cpu: number | undefined): void {
  if (cpu !== undefined) jobsOn.set(cpu, (jobsOn.get(cpu) ?? 1) - 1);
}

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
  const memory = '--max-old-space-size=512';
  return takeCpu().then((cpu) => judgeIn(cpu, job, task, python, wallMs, begun, memory));
}

function judgeIn(cpu: number | undefined, job: Job, task: SandboxTask, python: ReturnType<typeof findPython>, wallMs: number, begun: number, memory: string): Promise<ProblemResult> {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'python-worker.js'), [], {
      // taskset execs node: the child's pid, signals and IPC channel are node's own.
      ...(cpu === undefined ? { execArgv: [memory] } : { execPath: TASKSET, execArgv: ['-c', String(cpu), process.execPath, memory] }),
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
      child.kill('SIGKILL');
      resolve(r);
    };
    const timer = setTimeout(
      () => done(failedResult(job, 'TLE', `judging took longer than the wall-clock limit of ${Math.round(wallMs / 1000)} s`, performance.now() - begun)),
      wallMs,
    );
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
