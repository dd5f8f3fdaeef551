/**
 * `npx interleave grade <submissions-dir> [--out reports/] [--workers N] [--problems id,…]
 * [--seed N] [--fresh] [--shard I/N]`: judges a whole class in sandboxed workers and writes results.json (checked
 * against its schema), index.html, junit.xml and grades.csv. Resumable: killed mid-batch, the same
 * command goes on from the journal in the output folder.
 *
 * Exit status: 0 when grading completed, whatever the verdicts; 1 when the grader itself failed;
 * 2 for a usage error (bad option, missing folder, unknown problem).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SEED, listProblems, loadProblem } from '../judge/index';
import { packageRoot } from '../paths';
import { GRADE_USAGE, parseGradeArgs, UsageError, type GradeArgs } from './grade-args';
import { SHARD_FILE } from '../pool/batch/shard';
import { FolderBusy } from '../pool/batch/claim';
import { gradeClass, type GradeClassOutcome } from '../pool/batch/grade-class';
import { Progress } from '../pool/batch/progress';
import { discoverClass, OutFolderIsAStudent, type ClassFolder } from '../pool/batch/discover';
import { misnamedFiles, misnamedNote } from '../report/misnamed';
import { setReplayFiles } from '../report/replay';
import { canWatchMemory } from '../pool/memory';
import { formatClassSummary } from '../report/console';
import type { ProblemInfo } from '../model/class-results';
import { describeFailures, writeReports } from '../report/reporter';
import { inertCommands } from '../report/workflow-commands';
import { nameLabel, oneLine } from '../report/terminal';

/** Where the command writes; tests pass their own. */
export interface GradeIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: NodeJS.WriteStream;
  env: Record<string, string | undefined>;
}

const DEFAULT_IO = (): GradeIO => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Runs the command; resolves to the process exit status. */
export async function gradeCommand(argv: string[], io: GradeIO = DEFAULT_IO()): Promise<number> {
  const fail = (message: string, code: number): number => {
    io.stderr.write(`interleave grade: ${message}\n`);
    return code;
  };
  let args: GradeArgs | 'help';
  try {
    args = parseGradeArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    return fail(`${e.message}\n\n${GRADE_USAGE}`, 2);
  }
  if (args === 'help') {
    io.stdout.write(`${GRADE_USAGE}\n`);
    return 0;
  }
  const dir = path.resolve(args.dir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return fail(`there is no folder ${args.dir}. Give the folder that holds one folder per student (<student>/<ClassName>.ts) or a GitHub Classroom export.`, 2);
  }
  let all: ProblemInfo[];
  try {
    all = listProblems();
  } catch (e) {
    return fail(`cannot load the problems: ${(e as Error).message}`, 1);
  }
  const problems = chooseProblems(all, args.problems);
  if (typeof problems === 'string') return fail(problems, 2);
  let found: ClassFolder;
  try {
    found = discoverClass(dir, problems, all, path.resolve(args.out));
  } catch (e) {
    if (e instanceof OutFolderIsAStudent) return fail(e.message, 2);
    throw e;
  }
  if (found.students.length === 0) {
    const stray = found.stray.length ? ` It holds only files (${found.stray.slice(0, 5).join(', ')}${found.stray.length > 5 ? ', …' : ''}): put each student's files in a folder of their own.` : '';
    return fail(`${args.dir} holds no student folders: expected ${args.dir}/<student>/<ClassName>.ts (${problems.map((p) => `${p.className}.ts`).join(', ')}) or a GitHub Classroom export.${stray}`, 2);
  }
  if (!canWatchMemory()) {
    io.stderr.write('note: without /proc (this is not Linux), memory outside the JavaScript heap (ArrayBuffers) is not limited\n');
  }

  let outcome: GradeClassOutcome;
  try {
    outcome = await gradeClass({
      dir,
      out: path.resolve(args.out),
      workers: args.workers,
      problems,
      allProblems: all,
      seed: args.seed ?? DEFAULT_SEED,
      fresh: args.fresh,
      limitsOf: limitsFrom(args),
      judgeVersion: judgeVersion(),
      shard: args.shard,
      progress: { stream: io.stderr, live: Progress.isLive(io.stderr, io.env) },
    });
  } catch (e) {
    if (e instanceof FolderBusy) return fail(e.message, 2);
    return fail(`grading stopped: ${(e as Error).message ?? e}. Finished jobs are kept in ${args.out}/.journal.jsonl; run the same command again to resume.`, 1);
  }
  describeFolder(outcome, io);
  // A shard's folder says which share it holds, for `interleave merge`; a whole class's says nothing.
  const shardFile = path.join(path.resolve(args.out), SHARD_FILE);
  if (args.shard) fs.writeFileSync(shardFile, `${JSON.stringify({ shard: args.shard, students: outcome.results.students.length }, null, 2)}\n`);
  else fs.rmSync(shardFile, { force: true });

  // Replay commands name a file from the folder grade was run in (results name it from the submissions folder).
  setReplayFiles((file) => fromCwd(path.join(dir, file)));
  const report = await writeReports(outcome.results, path.resolve(args.out));
  io.stdout.write(formatClassSummary(outcome.results, { color: !!io.stdout.isTTY && !io.env.NO_COLOR }));
  const misnamed = outcome.results.students.flatMap((st) => {
    const submitted = new Set(st.problems.map((p) => p.problem));
    return misnamedFiles(st.ignored, outcome.results.problems, submitted).map((m) => `  ${st.student}: ${misnamedNote(m)} (scored as not submitted)`);
  });
  if (misnamed.length) io.stdout.write(`\nmisnamed files (rename them and grade again):\n${misnamed.join('\n')}\n`);
  io.stdout.write(`\nwrote ${report.written.map((f) => path.relative(process.cwd(), f) || f).join(', ') || 'nothing'}\n`);
  const judgeErrors = outcome.results.students.flatMap((st) => st.problems.filter((p) => p.verdict === 'JE').map((p) => p.file));
  if (judgeErrors.length) {
    io.stderr.write(`judge errors (the judge's fault, tried again on the next run): ${judgeErrors.join(', ')}\n`);
  }
  if (report.failed.length) return fail(describeFailures(report.failed), 1);
  return 0;
}

/** A path as typed from the working folder: relative when inside it, else absolute. */
function fromCwd(abs: string): string {
  const rel = path.relative(process.cwd(), abs);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
}

function chooseProblems(all: ProblemInfo[], wanted?: string[]): ProblemInfo[] | string {
  if (all.length === 0) return 'there are no problem packages to grade against (problems/*/problem.json)';
  if (!wanted) return all;
  const unknown = wanted.filter((id) => !all.some((p) => p.id === id));
  if (unknown.length) return `unknown problem ${unknown.join(', ')}; the problems are: ${all.map((p) => p.id).join(', ')}`;
  return all.filter((p) => wanted.includes(p.id));
}

function limitsFrom(args: GradeArgs): (problemId: string) => { wallMs: number; memoryMb: number } {
  return (problemId) => {
    const own = loadProblem(problemId).spec.limits;
    return { wallMs: args.jobTimeoutMs ?? own.wallClockMs, memoryMb: args.memoryMb ?? own.memoryMb };
  };
}

function judgeVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return `interleave ${pkg.version}`;
}

/** What was found besides gradable files: said once, so that a misnamed file is noticed. */
function describeFolder(outcome: GradeClassOutcome, io: GradeIO): void {
  const { folder } = outcome;
  const lines: string[] = [];
  const classes = outcome.results.problems.map((p) => `${p.className}.ts`).join(', ');
  if (folder.students.length === 0) lines.push('found no student folders: expected <submissions-dir>/<student>/<ClassName>.ts');
  if (folder.layout === 'classroom') lines.push('GitHub Classroom export: student names are the repository names without the assignment prefix.');
  // Names come from the submissions folder: one line each, whatever they hold (a newline in a
  // file's name printed a line of its own, such as a forged `alice: AC 100`).
  if (folder.stray.length) lines.push(`not graded (outside any student's folder): ${folder.stray.map(oneLine).join(', ')}`);
  for (const s of folder.students) {
    if (s.files.length === 0) lines.push(`${nameLabel(s.student)}: no file named after a problem's class (${classes}); nothing graded`);
    if (s.ignored.length) lines.push(`${nameLabel(s.student)}: ignored ${s.ignored.map(oneLine).join(', ')}`);
  }
  if (outcome.reaped.length) lines.push(`stopped ${outcome.reaped.length} worker(s) a killed grader had left running`);
  if (outcome.resumed > 0) lines.push(`resumed: ${outcome.resumed} job(s) taken from the journal; --fresh starts over`);
  if (lines.length) io.stderr.write(`${inertCommands(lines.join('\n'))}\n`);
}

export { GRADE_USAGE };
