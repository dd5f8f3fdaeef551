/**
 * One CPU for a Python job (python-jobs.ts). The judge's Node process and its Python runner never
 * run at once (one waits on the other at every step), so they lose nothing by sharing one CPU, and
 * sharing it keeps every wake-up on that CPU: on the 2-core VM a Node-Python round trip took
 * 72-90 µs between two CPUs (an idle CPU is slow to wake) and 16 µs on one, and ZeroEvenOdd was judged in 3.8 s instead of 8.6-10.2 s. So
 * each job's process tree is pinned (`taskset -c`) to one of the CPUs this process may use: the
 * one with the fewest Python jobs of this process on it, and of those the least busy in /proc/stat
 * lately (pinned to a CPU a busy loop held, the same judging took 7.1 s; to the other, 3.9 s).
 * When even that CPU is busy, or taskset or the CPU list is missing, jobs run unpinned.
 */
import * as fs from 'node:fs';

const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
});

/** The CPUs this process may run on (`Cpus_allowed_list`), or none when that cannot be read. */
function allowedCpus(): number[] {
  try {
    return parseCpuList(/^Cpus_allowed_list:\s*(\S+)$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '');
  } catch {
    return [];
  }
}

/** A kernel CPU list (`0-3,6`) as its CPUs; none when it cannot be read. */
export function parseCpuList(text: string): number[] {
  const cpus: number[] = [];
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map((n) => (/^\d+$/.test(n) ? Number(n) : NaN));
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
export async function takeCpu(): Promise<number | undefined> {
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

export function releaseCpu(cpu: number | undefined): void {
  if (cpu !== undefined) jobsOn.set(cpu, (jobsOn.get(cpu) ?? 1) - 1);
}

/**
 * `fork` options that run node pinned to `cpu` with `execArgv` (taskset execs node: the child's
 * pid, signals and IPC channel are node's own), or unpinned when `cpu` is undefined.
 */
export function pinArgs(cpu: number | undefined, execArgv: string[]): { execPath?: string; execArgv: string[] } {
  return cpu === undefined || TASKSET === undefined ? { execArgv } : { execPath: TASKSET, execArgv: ['-c', String(cpu), process.execPath, ...execArgv] };
}
