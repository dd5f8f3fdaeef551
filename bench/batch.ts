/**
 * `npm run bench:batch`: grades a generated class (100 students × up to 5 problems, copied from
 * the shipped solutions, accepted and known-bad mixed) with 1, 2, 4, … workers up to every core,
 * and measures in the same run what the machine allows: N copies of a CPU-bound loop against one
 * (its parallel capacity, which on a shared or throttled machine is well below N). For each worker
 * count it prints the rate, where a job's time goes, the speed-up over one worker and the
 * efficiency (speed-up / capacity), and how busy the cores were and what CPU a job cost (which
 * tells idle cores from cores slowed by one another); the last line is `efficiency: <the lowest>`.
 *
 * Options: --students N (default 100), --workers 1,2,4 (default 1, 2, 4, … and the core count),
 * --problems a,b (default the course's five), --keep (leave the generated class in the temp folder).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SEED, listProblems, loadProblem } from '../harness/judge/index';
import { problemsDir } from '../harness/paths';
import { gradeClass, type GradeClassOutcome } from '../harness/pool/batch/grade-class';
import type { ProblemInfo } from '../harness/model/class-results';
import { Rng } from '../harness/strategies/rng';

/** Known-bad solutions graded alongside accepted ones; time_limit_exceeded/ is left out (each
 * such job takes its whole wall-clock limit, which measures the limit, not the pool). */
const BAD = ['wrong_answer', 'deadlock', 'run_time_error', 'rejected'];
const ACCEPTED_SHARE = 0.65;
const COURSE = ['foobar', 'pipeline', 'print-in-order', 'race-counter', 'zero-even-odd'];

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** `--workers 1,2,4`, or 1, 2, 4, … up to the cores, and the core count itself. */
function workerCounts(cores: number): number[] {
  const i = process.argv.indexOf('--workers');
  if (i >= 0) {
    const list = (process.argv[i + 1] ?? '').split(',').map(Number);
    if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--workers takes whole numbers such as 1,2,4 (got ${process.argv[i + 1]})`);
    return [...new Set([1, ...list])].sort((a, b) => a - b);
  }
  const out = [1];
  for (let n = 2; n < cores; n *= 2) out.push(n);
  if (cores > 1) out.push(cores);
  return out;
}

/** A CPU-bound loop, the same work in every copy: integer mixing, no memory traffic to speak of. */
const LOOP = `
process.on('message', (m) => {
  if (m !== 'go') return;
  const t0 = performance.now();
  let h = 0x811c9dc5;
  for (let i = 0; i < ${700_000_000}; i++) h = Math.imul(h ^ i, 0x01000193) >>> 0;
  process.send({ ms: performance.now() - t0, h }, () => process.exit(0));
});
process.send('ready');`;

/** Wall time of `n` copies of the loop run at once, each in its own process (as the workers are). */
async function loopWall(n: number): Promise<number> {
  const children = Array.from({ length: n }, () => spawn(process.execPath, ['-e', LOOP], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  await Promise.all(children.map((c) => new Promise<void>((resolve) => c.once('message', () => resolve()))));
  const t0 = performance.now();
  await Promise.all(children.map((c) => new Promise<void>((resolve) => {
    c.once('message', () => resolve());
    c.send('go');
  })));
  return performance.now() - t0;
}

/** N copies of the loop against one: how many times one core's throughput the machine gives N processes. */
async function capacity(n: number): Promise<number> {
  if (n === 1) return 1;
  const one = await loopWall(1);
  const many = await loopWall(n);
  return (n * one) / many;
}

function solutions(problem: string, verdicts: string[]): string[] {
  return verdicts.flatMap((v) => {
    const dir = path.join(problemsDir(), problem, 'solutions', v);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)) : [];
  });
}

/** Writes `<dir>/<student>/<ClassName>.ts` for every student and problem; returns the accepted share. */
function generateClass(dir: string, students: number, problems: ProblemInfo[]): number {
  const rng = new Rng(42);
  let accepted = 0;
  for (let s = 0; s < students; s++) {
    const student = path.join(dir, `student-${String(s + 1).padStart(3, '0')}`);
    fs.mkdirSync(student, { recursive: true });
    for (const p of problems) {
      const good = rng.next() < ACCEPTED_SHARE;
      const pool = solutions(p.id, good ? ['accepted'] : BAD);
      const pick = pool.length ? pool : solutions(p.id, ['accepted']);
      accepted += good ? 1 : 0;
      fs.copyFileSync(pick[Math.floor(rng.next() * pick.length)], path.join(student, `${p.className}.ts`));
    }
  }
  return accepted / (students * problems.length);
}

/**
 * CPU time (ms) used so far by this process's esbuild service (the grader's compiler, a process
 * of its own: process.cpuUsage() does not count it); 0 before it starts. Linux only.
 */
function compilerCpuMs(): number {
  let ms = 0;
  let pids: string[] = [];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // fields[1] is the parent's pid; [11] and [12] user and system time in clock ticks (100 a second).
      if (name === 'esbuild' && Number(fields[1]) === process.pid) ms += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // gone meanwhile
    }
  }
  return ms;
}

/**
 * CPU time (ms) of this process's children that have ended and been waited for (cutime + cstime in
 * /proc/self/stat): after the pool is closed, every worker process the grading started. Linux only.
 */
function endedChildrenCpuMs(): number {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command's closing parenthesis: [13] and [14] are cutime and cstime, in ticks.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return 0;
  }
}

interface Measured {
  workers: number;
  wallMs: number;
  /** CPU time of the worker processes (V8's helper threads included), per job. */
  workersCpuMs: number;
  /** CPU time of the grader process itself (its share of the serial work), per job. */
  parentCpuMs: number;
  /** CPU time of its esbuild service, per job. */
  compilerCpuMs: number;
  outcome: GradeClassOutcome;
}

async function grade(dir: string, out: string, workers: number, problems: ProblemInfo[]): Promise<Measured> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const compiler0 = compilerCpuMs();
  const workers0 = endedChildrenCpuMs();
  const outcome = await gradeClass({
    dir,
    out,
    workers,
    problems,
    allProblems: problems,
    seed: DEFAULT_SEED,
    fresh: true,
    limitsOf: (id) => {
      const l = loadProblem(id).spec.limits;
      return { wallMs: l.wallClockMs, memoryMb: l.memoryMb };
    },
    judgeVersion: 'bench',
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const jobs = Math.max(1, outcome.timings.length);
  return {
    workers,
    wallMs,
    workersCpuMs: (endedChildrenCpuMs() - workers0) / jobs,
    parentCpuMs: (cpu.user + cpu.system) / 1000 / jobs,
    compilerCpuMs: (compilerCpuMs() - compiler0) / jobs,
    outcome,
  };
}

function describe(m: Measured): string {
  const { timings, pool } = m.outcome;
  const jobs = timings.length;
  const judging = timings.reduce((a, t) => a + t.runMs, 0);
  const boots = [...timings].sort((a, b) => b.waitMs - a.waitMs).slice(0, m.workers);
  const warm = timings.filter((t) => !boots.includes(t));
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const overhead = (m.wallMs * m.workers - judging) / jobs;
  const verdicts = new Map<string, number>();
  for (const s of m.outcome.results.students) for (const p of s.problems) verdicts.set(p.verdict, (verdicts.get(p.verdict) ?? 0) + 1);
  return [
    `${m.workers} worker${m.workers === 1 ? '' : 's'}: ${jobs} jobs in ${(m.wallMs / 1000).toFixed(1)} s = ${rate(m).toFixed(2)} jobs/s ` +
      `(${[...verdicts].map(([v, n]) => `${n} ${v}`).join(', ')})`,
    `  per job: judging ${mean(timings.map((t) => t.runMs)).toFixed(0)} ms; overhead ${overhead.toFixed(1)} ms ` +
      `(hand-off, compiles the workers waited for, idle cores at the end); a warm worker takes a job in ${mean(warm.map((t) => t.waitMs)).toFixed(1)} ms; ` +
      `the grader itself used ${m.parentCpuMs.toFixed(1)} ms of CPU a job (reading, bundling with esbuild's service, journal, results) ` +
      `and esbuild's service ${m.compilerCpuMs.toFixed(1)} ms`,
    `  CPU a job: ${cpuPerJob(m).toFixed(0)} ms (workers ${m.workersCpuMs.toFixed(0)}, grader ${m.parentCpuMs.toFixed(0)}, esbuild ${m.compilerCpuMs.toFixed(0)}); ` +
      `${busyCores(m).toFixed(2)} cores busy on average (a worker's V8 runs helper threads for its collections and compiles)`,
    `  pool: start ${pool.startMs.toFixed(0)} ms; a new worker is ready (Node, judge, SES lockdown) after about ` +
      `${mean(boots.map((t) => t.waitMs)).toFixed(0)} ms; teardown ${pool.closeMs.toFixed(0)} ms; ${pool.workersStarted} worker processes`,
  ].join('\n');
}

/** CPU time a job cost, every process of the grading together. */
function cpuPerJob(m: Measured): number {
  return m.workersCpuMs + m.parentCpuMs + m.compilerCpuMs;
}

/** How many cores the grading kept busy on average: its CPU time over its wall time. */
function busyCores(m: Measured): number {
  return (cpuPerJob(m) * m.outcome.timings.length) / m.wallMs;
}

function verdicts(m: Measured): string[] {
  return m.outcome.results.students.flatMap((s) => s.problems.map((p) => `${s.student} ${p.problem} ${p.verdict} ${p.score}`));
}

function rate(m: Measured): number {
  return m.outcome.timings.length / (m.wallMs / 1000);
}

async function main(): Promise<void> {
  const students = option('--students', 100);
  // The course's five problems, the class this bench has always graded (figures stay comparable as
  // problems are added); --problems a,b,… picks others.
  const wanted = (process.argv.includes('--problems') ? process.argv[process.argv.indexOf('--problems') + 1] : COURSE.join(',')).split(',');
  const all = listProblems();
  const chosen = all.filter((p) => wanted.includes(p.id));
  const problems = chosen.length > 0 ? chosen : all.slice(0, 5);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-bench-batch-'));
  const dir = path.join(root, 'class');
  const share = generateClass(dir, students, problems);
  const cores = os.availableParallelism();
  const counts = workerCounts(cores);
  console.log(
    `class: ${students} students × ${problems.length} problems (${problems.map((p) => p.id).join(', ')}) = ` +
      `${students * problems.length} jobs, ${Math.round(share * 100)}% accepted solutions, the rest known-bad; ${cores} cores; ` +
      `workers ${counts.join(', ')}`,
  );
  if (problems.length < 5) console.log(`note: only ${problems.length} problem packages exist so far`);
  try {
    const rows: Array<{ m: Measured; capacity: number }> = [];
    for (const n of counts) {
      // Measured right before and right after the grading it is compared with: the load of a
      // shared machine drifts, and the mean of both brackets what the grading saw.
      const before = await capacity(n);
      const m = await grade(dir, path.join(root, `out-${n}`), n, problems);
      const after = await capacity(n);
      rows.push({ m, capacity: (before + after) / 2 });
      if (n > 1) console.log(`  capacity with ${n}: ${before.toFixed(2)} before, ${after.toFixed(2)} after`);
      console.log(describe(m));
    }
    const one = rows[0].m;
    console.log('');
    console.log('workers  jobs/s  speed-up  capacity  efficiency  busy cores  CPU a job');
    const efficiencies: number[] = [];
    for (const { m, capacity: cap } of rows) {
      const speedup = rate(m) / rate(one);
      efficiencies.push(speedup / cap);
      console.log(
        `${String(m.workers).padStart(7)}  ${rate(m).toFixed(2).padStart(6)}  ${speedup.toFixed(2).padStart(8)}  ${cap.toFixed(2).padStart(8)}  ` +
          `${(speedup / cap).toFixed(2).padStart(10)}  ${busyCores(m).toFixed(2).padStart(10)}  ${cpuPerJob(m).toFixed(0).padStart(6)} ms`,
      );
    }
    // speed-up = (busy cores / one worker's) × (one worker's CPU a job / this CPU a job): a pool
    // loses efficiency by leaving cores idle (serial work, a slow start or end) or by each job
    // costing more CPU (cores slowed by one another: caches, memory, frequency).
    console.log(
      'read: busy cores short of the workers is idle time (serial work, start, the last jobs); CPU a job above one worker\'s is ' +
        `contention between cores; one worker kept ${busyCores(one).toFixed(2)} cores busy (its V8 helper threads)`,
    );
    const same = rows.every(({ m }) => JSON.stringify(verdicts(m)) === JSON.stringify(verdicts(one)));
    console.log(`same verdicts and scores with ${counts.join(', ')} workers: ${same ? 'yes' : 'NO (a verdict depends on the pool: a bug)'}`);
    console.log(`capacity: ${cores} cores; N copies of a CPU-bound loop in N processes run ${rows.map((r) => `${r.capacity.toFixed(2)}× (${r.m.workers})`).join(', ')} the throughput of one, measured before and after each grading (mean)`);
    console.log(`efficiency: ${Math.min(...efficiencies).toFixed(2)}`);
  } finally {
    if (process.argv.includes('--keep')) console.error(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
