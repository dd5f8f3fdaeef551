/**
 * Gradescope's autograder results (`/autograder/results/results.json`): one test per case of each
 * problem, visible to the student, with the score the tests add up to.
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/
 */
import type { ProblemGrade } from './grades';
import { totals } from './grades';
import { cutMiddle } from './cut';

export interface GradescopeTest {
  name: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  visibility: 'visible';
}

export interface GradescopeResults {
  score: number;
  /** Seconds. */
  execution_time: number;
  output: string;
  tests: GradescopeTest[];
}

/** Gradescope keeps what it is given, but a page of trace per test is what a learner reads. */
const OUTPUT_CAP = 20_000;

/** The results file for `grades`; `seconds` is how long grading took. */
export function gradescopeResults(grades: readonly ProblemGrade[], seconds: number): GradescopeResults {
  const { score, maxScore } = totals(grades);
  const lines = grades.map((g) => `${g.problem} (${g.file}): ${g.verdict}, ${g.score}/${g.maxScore} points`);
  return {
    score,
    execution_time: Math.round(seconds),
    output: [`Interleave: ${score}/${maxScore} points`, ...lines].join('\n'),
    tests: grades.flatMap((g) =>
      g.cases.map((c) => ({
        name: `${g.problem} › ${c.name}`,
        score: c.points,
        max_score: c.maxPoints,
        status: c.status === 'pass' ? 'passed' : 'failed',
        output: cutMiddle(c.details ? `${c.summary}\n\n${c.details}` : `${c.summary}\n${c.command}`, OUTPUT_CAP),
        visibility: 'visible',
      })),
    ),
  };
}
