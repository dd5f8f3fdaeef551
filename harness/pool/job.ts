/**
 * What the sandbox works on: a job is one learner file judged for one problem with one seed.
 * Only plain data here: a task crosses into a worker process as JSON.
 */
import type { SourceSite } from '../model/result';

/** The judge's options a job may carry (a subset of the judge's JudgeOptions). */
export interface JudgeOptions {
  seed?: number;
  /** Schedules per case (default: the problem's). */
  schedules?: number;
  strategy?: string;
  replay?: string;
  /** Stop at the first failing case (verify): the verdict is what matters, not the score. */
  stopAtFirstFailure?: boolean;
}

/** One unit of batch work: (student, problem, file, seed). */
export interface Job extends JudgeOptions {
  /** The student the file belongs to ('' when judging a single file). */
  student: string;
  problemId: string;
  /** Path of the learner's file; the parent reads and compiles it, the worker never does. */
  file: string;
  /** The name the judge shows for the file (traces, errors); defaults to `file`. */
  displayName?: string;
  /** The problem's points, for the result of a job whose worker died (default: the problem's). */
  maxScore?: number;
  /** This job's wall-clock limit in ms, when not the sandbox's (a problem's own limit). */
  wallMs?: number;
  /** This job's resident-memory limit in MB, when not the sandbox's. */
  rssMb?: number;
}

/** A submission compiled by the parent: esbuild cannot run in a worker (no child processes). */
export interface CompiledCode {
  code: string;
  map: string;
  file: string;
  /** See CompiledSubmission (loader/compile.ts): the hash of the code and its loop guards. */
  hash?: string;
  loops?: Array<[number, number]>;
  shifts?: Record<number, Array<[number, number]>>;
}

/** What a sandbox worker receives: everything already read and compiled; it reads no submission. */
export interface SandboxTask {
  problemId: string;
  /** The file's name as the judge should show it. */
  fileName: string;
  /** The learner's source text. */
  source: string;
  /** The compiled submission, or why it does not compile (a CE the judge reports as usual). */
  compiled?: CompiledCode;
  compileError?: { message: string; site?: SourceSite; frame?: string };
  /** The problem's checker bundled by the parent, keyed by its path. */
  checker?: { file: string; code: string };
  opts: JudgeOptions;
}

/** The judge options a job carries. */
export function judgeOptionsOf(job: Job): JudgeOptions {
  const opts: JudgeOptions = {};
  if (job.seed !== undefined) opts.seed = job.seed;
  if (job.schedules !== undefined) opts.schedules = job.schedules;
  if (job.strategy !== undefined) opts.strategy = job.strategy;
  if (job.replay !== undefined) opts.replay = job.replay;
  if (job.stopAtFirstFailure !== undefined) opts.stopAtFirstFailure = job.stopAtFirstFailure;
  return opts;
}
