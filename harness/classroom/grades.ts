/**
 * One grade per case of each problem: the rows every classroom output is built from (GitHub
 * Classroom's tests, Gradescope's tests, the step summary, the annotations, the console total), so
 * their totals cannot disagree. A problem the judge could not run case by case (a compile error,
 * a timeout of the whole file, a missing file) still gets a row per case, each with zero points
 * and the reason.
 */
import { VERDICT_NAMES, type ProblemResult, type SourceSite, type Verdict } from '../model/result';
import { replayCommand, shellQuote } from '../report/replay';
import { oneLine } from '../report/terminal';
import { cutEnd, cutMiddle } from './cut';
import { caseReport } from './case-report';
import { siteInSubmission } from './learner-site';

/** GitHub Classroom's words: `error` is the judge's fault (JE), never the learner's. */
export type CaseStatus = 'pass' | 'fail' | 'error';

export interface CaseGrade {
  problem: string;
  /** The case's name from problem.json (`n = 2`). */
  name: string;
  verdict: Verdict;
  points: number;
  maxPoints: number;
  durationMs: number;
  status: CaseStatus;
  /** One line: `DL deadlock: bar is blocked and no thread can proceed`. Learner text inside. */
  summary: string;
  /** Everything a learner needs (trace, expected/actual, replay command), no colour; '' for AC. */
  details: string;
  /** The command that runs this again: with `--replay` when the case failed with a token. */
  command: string;
  /** The learner's line, as a path like the submission's (`src/FooBar.ts`). */
  site?: SourceSite;
  /** The reason is the whole problem's (compile error, wall clock, missing file), not this case's. */
  problemLevel: boolean;
}

export interface ProblemGrade {
  problem: string;
  /** The submission as the result names it (relative to where grading ran). */
  file: string;
  verdict: Verdict;
  score: number;
  maxScore: number;
  cases: CaseGrade[];
  result: ProblemResult;
}

/** Learner text can be megabytes (a printed buffer, a giant exception): a row keeps a readable amount. */
const MAX_SUMMARY = 1000;
const MAX_DETAILS = 100_000;

/** A case as problem.json declares it. */
export interface CaseInfo {
  name: string;
  points: number;
}

/**
 * Grades one judged problem: a row for every case problem.json declares (in its order), whatever
 * the result holds. The score is the sum of the rows, so it always matches the rows.
 */
export function gradeProblem(result: ProblemResult, declared: readonly CaseInfo[]): ProblemGrade {
  const names = [...declared.map((c) => c.name), ...result.cases.map((c) => c.name).filter((n) => !declared.some((d) => d.name === n))];
  const cases = names.map((name) => gradeCase(result, name, declared.find((d) => d.name === name)?.points));
  return {
    problem: result.problem,
    file: result.file,
    verdict: result.verdict,
    score: sum(cases.map((c) => c.points)),
    maxScore: sum(cases.map((c) => c.maxPoints)),
    cases,
    result,
  };
}

function gradeCase(result: ProblemResult, name: string, declaredPoints: number | undefined): CaseGrade {
  const c = result.cases.find((x) => x.name === name);
  const runCommand = ['npx', 'interleave', 'run', result.problem, result.file].map(shellQuote).join(' ');
  const base = { problem: result.problem, name };
  if (!c) {
    // The judge stopped before this case (the worker died, the file is missing): the whole problem's reason.
    return {
      ...base,
      verdict: result.verdict,
      points: 0,
      maxPoints: declaredPoints ?? 0,
      durationMs: 0,
      status: statusOf(result.verdict),
      summary: headline(result.verdict, result.error?.message ?? 'this case was not judged'),
      details: cutMiddle(caseReport(result, name), MAX_DETAILS),
      command: runCommand,
      site: result.error?.site && siteInSubmission(result.error.site, result),
      problemLevel: true,
    };
  }
  const f = c.failure;
  const site = f ? f.site : result.error?.site;
  return {
    ...base,
    verdict: c.verdict,
    points: c.points,
    maxPoints: c.maxPoints,
    durationMs: Math.round(c.timeMs),
    status: statusOf(c.verdict),
    summary: f ? headline(f.verdict, f.message) : c.verdict === 'AC' ? headline('AC') : headline(c.verdict, result.error?.message ?? ''),
    details: c.verdict === 'AC' ? '' : cutMiddle(caseReport(result, name), MAX_DETAILS),
    command: f?.replay ? replayCommand(result.problem, result.file, f.replay) : runCommand,
    site: site && siteInSubmission(site, result),
    problemLevel: !f && c.verdict !== 'AC',
  };
}

/** `WA wrong answer: <message on one line>`. */
function headline(verdict: Verdict, full = ''): string {
  const name = VERDICT_NAMES[verdict];
  if (!full) return `${verdict} ${name}`;
  const message = cutEnd(full, MAX_SUMMARY);
  // The judge's messages often begin with the verdict's name ("deadlock: bar is blocked …").
  return message.toLowerCase().startsWith(name) ? `${verdict} ${oneLine(message)}` : `${verdict} ${name}: ${oneLine(message)}`;
}

function statusOf(v: Verdict): CaseStatus {
  return v === 'AC' ? 'pass' : v === 'JE' ? 'error' : 'fail';
}

/** Total points of the graded problems: what every output reports. */
export function totals(grades: readonly ProblemGrade[]): { score: number; maxScore: number } {
  return { score: sum(grades.map((g) => g.score)), maxScore: sum(grades.map((g) => g.maxScore)) };
}

function sum(xs: readonly number[]): number {
  // Points may be fractions; round away float noise so every output prints the same total.
  return Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}
