/** Class-wide figures that the console summary and the HTML overview both show. */
import { VERDICTS, type ProblemResult, type Verdict } from '../model/result';
import { histogram, type Histogram } from './histogram';
import type { ClassResults, ProblemInfo, StudentResult } from '../model/class-results';

export type VerdictCounts = Record<Verdict, number>;

export interface ProblemStats {
  info: ProblemInfo;
  /** Students who handed in a file for this problem. */
  submitted: number;
  accepted: number;
  /** Accepted over all students: a missing submission does not pass. */
  passRate: number;
  /** Mean score over all students, a missing submission counting 0. */
  meanScore: number;
  verdicts: VerdictCounts;
}

export interface ClassStats {
  students: number;
  submissions: number;
  accepted: number;
  verdicts: VerdictCounts;
  meanPercent: number;
  medianPercent: number;
  problems: ProblemStats[];
  /** Students' totals as a percentage of their maximum, in 10 bins of 10%. */
  distribution: Histogram;
}

/** The result of `student` for `problem`, if they submitted one. */
export function resultFor(student: StudentResult, problem: string): ProblemResult | undefined {
  return student.problems.find((p) => p.problem === problem);
}

/** A student's total as a percentage of the most they could score (0 when nothing was graded). */
export function percentOf(student: StudentResult): number {
  return student.maxScore > 0 ? (student.score / student.maxScore) * 100 : 0;
}

export function emptyCounts(): VerdictCounts {
  return Object.fromEntries(VERDICTS.map((v) => [v, 0])) as VerdictCounts;
}

/** Computes every figure of the class overview in one pass over the results. */
export function classStats(results: ClassResults): ClassStats {
  const verdicts = emptyCounts();
  const problems = results.problems.map((info): ProblemStats => {
    const counts = emptyCounts();
    let submitted = 0;
    let total = 0;
    for (const s of results.students) {
      const r = resultFor(s, info.id);
      if (!r) continue;
      submitted++;
      counts[r.verdict]++;
      verdicts[r.verdict]++;
      total += r.score;
    }
    const n = results.students.length;
    return { info, submitted, accepted: counts.AC, passRate: n ? counts.AC / n : 0, meanScore: n ? total / n : 0, verdicts: counts };
  });
  const percents = results.students.map(percentOf);
  const sorted = [...percents].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return {
    students: results.students.length,
    submissions: problems.reduce((a, p) => a + p.submitted, 0),
    accepted: verdicts.AC,
    verdicts,
    meanPercent: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0,
    medianPercent: !sorted.length ? 0 : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
    problems,
    distribution: histogram(percents, 10, { min: 0, max: 100 }),
  };
}
