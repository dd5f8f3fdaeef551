/**
 * `npm run bench:batch`: grades a generated class (100 students × up to 5 problems, copied from
 * the shipped solutions, accepted and known-bad mixed) with 1 worker and with every core, and
 * prints both rates, where a job's time goes, and as the last line `speedup: <all / 1>`.
 *
 * Options: --students N (default 100), --keep (leave the generated class in the temp folder).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_SEED, listProblems, loadProblem } from '../harness/judge/index';
import { problemsDir } from '../harness/paths';
import { gradeClass, type GradeClassOutcome } from '../harness/pool/batch/grade-class';
import type { ProblemInfo } from '../harness/report/model';
import { Rng } from '../harness/strategies/rng';

/** Known-bad solutions graded alongside accepted ones; time_limit_exceeded/ is left out (each
 * such job takes its whole wall-clock limit, which measures the limit, not the pool). */
const BAD = ['wrong_answer', 'deadlock', 'run_time_error', 'rejected'];
const ACCEPTED_SHARE = 0.65;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
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

interface Measured {
  workers: number;
  wallMs: number;
  outcome: GradeClassOutcome;
}

async function grade(dir: string, out: string, workers: number, problems: ProblemInfo[]): Promise<Measured> {
  const t0 = performance.now();
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
  return { workers, wallMs: performance.now() - t0, outcome };
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
      `(compile in the parent, hand-off, journal, idle cores at the end); a warm worker takes a job in ${mean(warm.map((t) => t.waitMs)).toFixed(1)} ms`,
    `  pool: start ${pool.startMs.toFixed(0)} ms; a new worker is ready (Node, judge, SES lockdown) after about ` +
      `${mean(boots.map((t) => t.waitMs)).toFixed(0)} ms; teardown ${pool.closeMs.toFixed(0)} ms; ${pool.workersStarted} worker processes`,
  ].join('\n');
}

function verdicts(m: Measured): string[] {
  return m.outcome.results.students.flatMap((s) => s.problems.map((p) => `${s.student} ${p.problem} ${p.verdict} ${p.score}`));
}

function rate(m: Measured): number {
  return m.outcome.timings.length / (m.wallMs / 1000);
}

async function main(): Promise<void> {
  const students = option('--students', 100);
  const problems = listProblems().slice(0, 5);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-bench-batch-'));
  const dir = path.join(root, 'class');
  const share = generateClass(dir, students, problems);
  const cores = os.availableParallelism();
  console.log(
    `class: ${students} students × ${problems.length} problems (${problems.map((p) => p.id).join(', ')}) = ` +
      `${students * problems.length} jobs, ${Math.round(share * 100)}% accepted solutions, the rest known-bad; ${cores} cores`,
  );
  if (problems.length < 5) console.log(`note: only ${problems.length} problem packages exist so far`);
  try {
    const one = await grade(dir, path.join(root, 'out-1'), 1, problems);
    console.log(describe(one));
    const all = await grade(dir, path.join(root, `out-${cores}`), cores, problems);
    console.log(describe(all));
    const same = JSON.stringify(verdicts(one)) === JSON.stringify(verdicts(all));
    console.log(`same verdicts and scores with 1 and ${cores} workers: ${same ? 'yes' : 'NO (a verdict depends on the pool: a bug)'}`);
    console.log(`speedup: ${(rate(all) / rate(one)).toFixed(2)}`);
  } finally {
    if (process.argv.includes('--keep')) console.error(`kept ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
