/**
 * The results model of a graded class: what `interleave grade` writes to results.json and what
 * every reporter reads. Reporters never change it and never run learner code.
 */
import type { ProblemResult } from './result';

export const RESULTS_VERSION = 1;

export interface ProblemInfo {
  id: string;
  title: string;
  className: string;
  maxScore: number;
}

export interface StudentResult {
  /** The student's folder name (or Classroom repository name). */
  student: string;
  /** One entry per problem the student submitted, in the order of {@link ClassResults.problems}. */
  problems: ProblemResult[];
  /** Files in the student's folder that match no problem. */
  ignored: string[];
  score: number;
  maxScore: number;
}

export interface ClassResults {
  version: typeof RESULTS_VERSION;
  generatedAt: string;
  seed: number;
  /** The problems graded, in display order. */
  problems: ProblemInfo[];
  students: StudentResult[];
  /** How the batch ran: wall time, workers, and judge version. */
  run: { durationMs: number; workers: number; judgeVersion: string };
}
