/**
 * Which file is graded for which problem. Files named on the command line are matched to a
 * problem by class name; without files, the repository is searched. With `--problems`, every
 * listed problem is graded, and one whose file is missing scores zero instead of vanishing from
 * the total.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findSolutionFiles, type FoundFile } from './discover';

export interface PlannedJob {
  problemId: string;
  /** Absolute path. */
  file: string;
  /** The path shown to people and used in replay commands: relative to `cwd`. */
  display: string;
  /** False when the learner's file is not there: the problem scores zero with a message. */
  exists: boolean;
}

export interface Plan {
  jobs: PlannedJob[];
  /** Files found but not graded, and why. */
  notes: string[];
}

export interface PlanInput {
  cwd: string;
  /** Files from the command line (relative to cwd or absolute); empty to search cwd. */
  files: readonly string[];
  /** `--problems`, when given. */
  problems?: readonly string[];
  /** Every problem: id and class name, in display order. */
  known: readonly { id: string; className: string }[];
}

/** A command line that cannot be graded: the message says what to change. */
export class PlanError extends Error {
  override name = 'PlanError';
}

const EXT_RANK = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** The jobs to judge, in the order of the problems. Throws PlanError for what cannot be graded. */
export function planGrading(input: PlanInput): Plan {
  const ids = input.known.map((p) => p.id);
  const wanted = input.problems;
  for (const id of wanted ?? []) {
    if (!ids.includes(id)) throw new PlanError(`unknown problem "${id}" in --problems; the problems are: ${ids.join(', ')}`);
  }
  const classes = new Map(input.known.map((p) => [p.className, p.id]));
  const notes: string[] = [];
  const chosen = new Map<string, string>();

  if (input.files.length > 0) {
    for (const given of input.files) {
      const file = path.resolve(input.cwd, given);
      const problemId = classes.get(path.basename(file).replace(/\.[^.]+$/, '')) ?? (wanted?.length === 1 && input.files.length === 1 ? wanted[0] : undefined);
      if (!problemId) {
        const names = input.known.map((p) => `${p.className}.ts`).join(', ');
        throw new PlanError(`cannot tell which problem ${given} is for: name it after the class (${names}) or give --problems with one problem id`);
      }
      if (wanted && !wanted.includes(problemId)) {
        notes.push(`${given} is not graded: problem ${problemId} is not in --problems`);
        continue;
      }
      const before = chosen.get(problemId);
      if (before) throw new PlanError(`two files for problem ${problemId}: ${rel(input.cwd, before)} and ${given}; give one`);
      chosen.set(problemId, file);
    }
  } else {
    const byProblem = new Map<string, FoundFile[]>();
    for (const f of findSolutionFiles(input.cwd, classes)) {
      if (wanted && !wanted.includes(f.problemId)) continue;
      byProblem.set(f.problemId, [...(byProblem.get(f.problemId) ?? []), f]);
    }
    for (const [problemId, files] of byProblem) {
      const [best, ...others] = [...files].sort((a, b) => preference(input.cwd, a.file) - preference(input.cwd, b.file) || (a.file < b.file ? -1 : 1));
      chosen.set(problemId, best.file);
      for (const o of others) notes.push(`${rel(input.cwd, o.file)} is not graded: ${rel(input.cwd, best.file)} is graded for problem ${problemId}`);
    }
  }

  const order = wanted ?? ids;
  const jobs: PlannedJob[] = [];
  for (const problemId of order) {
    const className = input.known.find((p) => p.id === problemId)!.className;
    const file = chosen.get(problemId) ?? (wanted ? path.join(input.cwd, `${className}.ts`) : undefined);
    if (!file) continue;
    jobs.push({ problemId, file, display: rel(input.cwd, file), exists: fs.existsSync(file) && fs.statSync(file).isFile() });
  }
  if (jobs.length === 0) {
    const names = input.known.map((p) => `${p.className}.ts`).join(', ');
    throw new PlanError(`nothing to grade: no file under ${input.cwd} is named after a problem's class (${names}); give the files, or --problems so that a missing file scores zero`);
  }
  return { jobs, notes };
}

/** Shallower first, then TypeScript before JavaScript (a compiled FooBar.js beside FooBar.ts). */
function preference(cwd: string, file: string): number {
  const depth = path.relative(cwd, file).split(path.sep).length;
  const rank = EXT_RANK.indexOf(path.extname(file));
  return depth * 10 + (rank < 0 ? 9 : rank);
}

function rel(cwd: string, file: string): string {
  const r = path.relative(cwd, file);
  return r.startsWith('..') || path.isAbsolute(r) ? file : r;
}
