/**
 * Which file is graded for which problem. Files named on the command line are matched to a
 * problem by class name; without files, the repository is searched. With `--problems`, every
 * listed problem is graded, and one whose file is missing scores zero instead of vanishing from
 * the total.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { solutionFiles } from '../pool/batch/discover';

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
        throw new PlanError(`cannot tell which problem ${given} is for: name it after the class (${fileNames(input.known)}) or give --problems with one problem id`);
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
    // An assignment repository is searched as `grade` searches one student's folder.
    const graded = new Map([...classes].filter(([, id]) => !wanted || wanted.includes(id)));
    const found = solutionFiles(input.cwd, graded, new Set(classes.keys()));
    for (const f of found.files) chosen.set(f.problemId, f.file);
    // Files of no problem (helpers, tests) are not news; a second file for a problem is.
    notes.push(...found.ignored.filter((i) => i.endsWith(')')).map((i) => `not graded: ${i}`));
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
    throw new PlanError(`nothing to grade: no file under ${input.cwd} is named after a problem's class (${fileNames(input.known)}); give the files, or --problems so that a missing file scores zero`);
  }
  return { jobs, notes };
}

/** `FooBar.ts, Foo.ts (or .js, .py)`: the names a solution file may have. */
function fileNames(known: ReadonlyArray<{ className: string }>): string {
  return `${known.map((p) => `${p.className}.ts`).join(', ')} (or .js, .py)`;
}

function rel(cwd: string, file: string): string {
  const r = path.relative(cwd, file);
  return r.startsWith('..') || path.isAbsolute(r) ? file : r;
}
