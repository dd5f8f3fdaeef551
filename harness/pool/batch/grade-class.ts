/**
 * Grades a class folder: discover the submissions, skip the jobs the journal already holds, judge
 * the others in the sandbox (each recorded in the journal the moment it ends), and assemble
 * results.json's model with every job exactly once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ClassResults, ProblemInfo } from '../../model/class-results';
import type { NetworkIsolation } from '../netns';
import type { Job } from '../job';
import { judgeJobs } from '../judge-jobs';
import type { JobTiming } from '../sandbox';
import { limitsFor } from '../limits';
import { assembleResults } from './assemble';
import { claimOutFolder, type Claim } from './claim';
import { discoverClass, type ClassFolder } from './discover';
import { jobKey, submissionHash } from './job-key';
import { Journal, JOURNAL_FILE } from './journal';
import { Progress } from './progress';
import { inShard, type Shard } from './shard';

/** A problem's own limits (problem.json), unless the command line overrides them. */
export interface ProblemLimits {
  wallMs: number;
  memoryMb: number;
}

export interface GradeClassOptions {
  dir: string;
  out: string;
  workers: number;
  /** The problems to grade, in display order. */
  problems: readonly ProblemInfo[];
  /** Every problem, so that a file for one left out is neither graded nor "ignored". */
  allProblems: readonly ProblemInfo[];
  seed: number;
  fresh: boolean;
  limitsOf: (problemId: string) => ProblemLimits;
  judgeVersion: string;
  /** The runner workers judge with (tests); default: the real judge. */
  runner?: string;
  /** Grade only this share of the students (shard.ts); all of them without it. */
  shard?: Shard;
  /** Where progress goes; nothing is shown without it. */
  progress?: { stream: NodeJS.WriteStream; live: boolean };
}

export interface GradeClassOutcome {
  results: ClassResults;
  folder: ClassFolder;
  /** Jobs taken from the journal, and jobs judged now. */
  resumed: number;
  judged: number;
  timings: JobTiming[];
  /** Workers a killed grader had left running in this output folder, now stopped. */
  reaped: number[];
  /** How long starting and stopping the pool took, and how many worker processes ran. */
  pool: { startMs: number; closeMs: number; workersStarted: number };
  /** Whether the workers ran without network; undefined when nothing was judged. */
  network?: NetworkIsolation;
}

interface PlannedJob {
  student: string;
  problem: ProblemInfo;
  file: string;
  rel: string;
  key: string;
}

export async function gradeClass(o: GradeClassOptions): Promise<GradeClassOutcome> {
  const began = performance.now();
  const found = discoverClass(o.dir, o.problems, o.allProblems, path.resolve(o.out));
  const folder = o.shard ? { ...found, students: found.students.filter((s) => inShard(s.student, o.shard)) } : found;
  fs.mkdirSync(o.out, { recursive: true });
  const claim = claimOutFolder(o.out);
  let journal: Journal;
  try {
    journal = Journal.open(path.join(o.out, JOURNAL_FILE), { fresh: o.fresh });
  } catch (e) {
    claim.release();
    throw e;
  }
  const byId = new Map(o.problems.map((p) => [p.id, p]));
  const jobs: PlannedJob[] = folder.students.flatMap((s) =>
    s.files.map((f) => ({
      student: s.student,
      problem: byId.get(f.problemId)!,
      file: f.file,
      rel: f.rel,
      key: jobKey({
        student: s.student,
        problemId: f.problemId,
        contentHash: submissionHash(f.file),
        seed: o.seed,
        settings: JSON.stringify([o.judgeVersion, o.limitsOf(f.problemId)]),
      }),
    })),
  );
  // A judge error is the judge's fault, so it is tried again rather than resumed.
  const pending = jobs.filter((j) => (journal.get(j.key)?.result.verdict ?? 'JE') === 'JE');
  const progress = o.progress && new Progress({ total: jobs.length, resumed: jobs.length - pending.length, ...o.progress });
  let judged: Judged = { timings: [], pool: { startMs: 0, closeMs: 0, workersStarted: 0 } };
  try {
    if (pending.length > 0) judged = await judgePending(o, pending, journal, claim, progress);
    progress?.finish();
  } finally {
    journal.close();
    claim.release();
  }
  // The journal's last entry for a key wins, so a judge error tried again is replaced.
  const resultByFile = new Map(jobs.map((j) => [j.file, { ...journal.get(j.key)!.result, file: j.rel }]));
  const results = assembleResults({
    problems: o.problems,
    students: folder.students,
    resultOf: (file) => resultByFile.get(file)!,
    seed: o.seed,
    durationMs: performance.now() - began,
    workers: o.workers,
    judgeVersion: o.judgeVersion,
  });
  return { results, folder, resumed: jobs.length - pending.length, judged: pending.length, ...judged, reaped: claim.reaped };
}

type Judged = Pick<GradeClassOutcome, 'timings' | 'pool' | 'network'>;

async function judgePending(o: GradeClassOptions, pending: PlannedJob[], journal: Journal, claim: Claim, progress?: Progress): Promise<Judged> {
  const all = pending.map((j) => o.limitsOf(j.problem.id));
  const jobs: Job[] = pending.map((j, i) => ({
    student: j.student,
    problemId: j.problem.id,
    file: j.file,
    displayName: j.rel,
    seed: o.seed,
    maxScore: j.problem.maxScore,
    wallMs: all[i].wallMs,
    rssMb: limitsFor(all[i].memoryMb).rssMb,
  }));
  const judged = await judgeJobs(jobs, {
    workers: o.workers,
    limits: limitsFor(Math.max(...all.map((l) => l.memoryMb)), Math.max(...all.map((l) => l.wallMs))),
    runner: o.runner,
    onWorker: (pid) => claim.addWorker(pid),
    // Said once, where the grader's own output goes: the containment is weaker than usual.
    onNote: (note) => progress?.note(note),
    // Stopped by a signal, the grader takes its workers along (finished jobs are in the journal).
    onSignal: () => claim.release(),
    onResult: (result, i) => {
      const j = pending[i];
      journal.append({ key: j.key, student: j.student, problem: j.problem.id, file: j.rel, result });
      progress?.tick(result.verdict);
    },
  });
  if (judged.broken) {
    throw new Error(`the judge's workers cannot start (${judged.broken}); run \`npm run build\` and check that Node is version 20 or newer`);
  }
  return { timings: judged.timings, pool: judged.pool, network: judged.network };
}
