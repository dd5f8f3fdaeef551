/**
 * `interleave classroom`'s outputs as reporters (report/reporter.ts): the terminal text and
 * GitHub annotations, the Classroom autograding result, the job summary, Gradescope's results
 * file and the `--out` files. Each reads the learner's results as a class of one student and
 * grades them case by case the same way (grades.ts), so every total is the same; one that fails
 * does not keep the grade from the others.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProblemResult } from '../model/result';
import { RESULTS_VERSION, type ClassResults, type ProblemInfo } from '../model/class-results';
import type { Reporter } from '../report/reporter';
import { stopCommands, stopToken } from '../report/workflow-commands';
import { failureAnnotations, formatAnnotation, MAX_ANNOTATIONS } from './annotations';
import { autogradingResult, encodeAutograding } from './autograding';
import { formatCaseTable, formatProblems } from './console';
import { appendStepSummary, inGitHubActions, setStepOutput } from './github-files';
import { gradescopeResults } from './gradescope';
import { gradeProblem, type CaseInfo, type ProblemGrade } from './grades';
import { classroomSummary } from './summary';

/** The learner's judged files as a class of one student, in the order of `problems`. */
export function learnerClass(results: readonly ProblemResult[], problems: readonly ProblemInfo[], durationMs: number, judgeVersion: string): ClassResults {
  return {
    version: RESULTS_VERSION,
    generatedAt: new Date().toISOString(),
    seed: results[0]?.seed ?? 1,
    problems: [...problems],
    students: [
      {
        student: 'learner',
        problems: [...results],
        ignored: [],
        score: results.reduce((n, r) => n + r.score, 0),
        maxScore: problems.reduce((n, p) => n + p.maxScore, 0),
      },
    ],
    run: { durationMs: Math.round(durationMs), workers: 1, judgeVersion },
  };
}

export interface ClassroomTargets {
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown };
  cwd: string;
  color: boolean;
  /** Lines said before the verdicts (`note: …`). */
  notes: readonly string[];
  /** `--gradescope`: the results file to write. */
  gradescope?: string;
  /** `--out`: a folder for classroom.json, summary.md and problem-results.json. */
  out?: string;
  /** The cases problem.json declares for a problem, so a case the judge never reached still gets a row. */
  casesOf: (problemId: string) => readonly CaseInfo[];
}

/** The classroom reporters, in the order they publish. */
export function classroomReporters(t: ClassroomTargets): Reporter[] {
  const cache = new WeakMap<ClassResults, ProblemGrade[]>();
  const grades = (results: ClassResults): ProblemGrade[] => {
    let g = cache.get(results);
    if (!g) {
      g = results.students.flatMap((s) => s.problems.map((r) => gradeProblem(r, t.casesOf(r.problem))));
      cache.set(results, g);
    }
    return g;
  };
  const list: Reporter[] = [
    {
      // The verdicts for people: on GitHub inside a stop-commands block (learner text cannot issue
      // workflow commands), then an error annotation at the learner's line of each failure.
      name: 'console',
      publish: async (results) => {
        const g = grades(results);
        const text = [...t.notes.map((n) => `note: ${n}\n`), formatProblems(g, { color: t.color }), formatCaseTable(g, { color: t.color })].join('\n');
        if (!inGitHubActions(t.env)) {
          t.stdout.write(text);
          return [];
        }
        t.stdout.write(stopCommands(text, stopToken()));
        const workspace = t.env.GITHUB_WORKSPACE || t.cwd;
        const annotations = failureAnnotations(g, { repoPath: (f) => repoPath(workspace, t.cwd, f) });
        for (const a of annotations.slice(0, MAX_ANNOTATIONS)) t.stdout.write(`${formatAnnotation(a)}\n`);
        if (annotations.length > MAX_ANNOTATIONS) t.stdout.write(`(${annotations.length - MAX_ANNOTATIONS} more failures are in the job summary)\n`);
        return [];
      },
    },
    {
      // GitHub Classroom's reporter reads the step output `result`; outside Actions it is printed.
      name: 'autograding',
      publish: async (results) => {
        const encoded = encodeAutograding(autogradingResult(grades(results)));
        if (setStepOutput('result', encoded, t.env)) return ['$GITHUB_OUTPUT'];
        t.stdout.write(`result=${encoded}\n`);
        return [];
      },
    },
    {
      name: 'summary',
      publish: async (results) => (appendStepSummary(classroomSummary(grades(results)), t.env) ? ['$GITHUB_STEP_SUMMARY'] : []),
    },
  ];
  if (t.gradescope) {
    const file = t.gradescope;
    list.push({
      name: 'gradescope',
      publish: async (results) => {
        writeJson(file, gradescopeResults(grades(results), results.run.durationMs / 1000));
        return [file];
      },
    });
  }
  if (t.out) {
    const out = t.out;
    list.push({
      name: 'files',
      publish: async (results) => {
        const g = grades(results);
        fs.mkdirSync(out, { recursive: true });
        const files = [path.join(out, 'classroom.json'), path.join(out, 'summary.md'), path.join(out, 'problem-results.json')];
        writeJson(files[0], autogradingResult(g));
        fs.writeFileSync(files[1], classroomSummary(g));
        writeJson(files[2], g.map((x) => x.result));
        return files;
      },
    });
  }
  return list;
}

function writeJson(file: string, data: unknown): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** A path as the grades name it (relative to cwd), relative to the repository root for annotations. */
function repoPath(workspace: string, cwd: string, file: string): string {
  const rel = path.relative(workspace, path.resolve(cwd, file));
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}
