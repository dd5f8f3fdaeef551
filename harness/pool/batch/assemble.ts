/**
 * Builds results.json's model from what the batch found and judged: every student exactly once
 * (sorted by name), each with one result per problem they submitted, in the class's problem order.
 */
import type { ProblemResult } from '../../model/result';
import { RESULTS_VERSION, type ClassResults, type ProblemInfo, type StudentResult } from '../../model/class-results';
import type { StudentFolder } from './discover';

export interface AssembleInput {
  problems: readonly ProblemInfo[];
  students: readonly StudentFolder[];
  /** The result of each submitted file, by its absolute path. */
  resultOf: (file: string) => ProblemResult;
  seed: number;
  durationMs: number;
  workers: number;
  judgeVersion: string;
}

export function assembleResults(input: AssembleInput): ClassResults {
  const maxScore = input.problems.reduce((sum, p) => sum + p.maxScore, 0);
  const students: StudentResult[] = [...input.students]
    .sort((a, b) => a.student.localeCompare(b.student))
    .map((s) => {
      const problems = input.problems.flatMap((p) => {
        const submitted = s.files.find((f) => f.problemId === p.id);
        return submitted ? [input.resultOf(submitted.file)] : [];
      });
      return {
        student: s.student,
        problems,
        ignored: s.ignored,
        score: problems.reduce((sum, r) => sum + r.score, 0),
        maxScore,
      };
    });
  return {
    version: RESULTS_VERSION,
    generatedAt: new Date().toISOString(),
    seed: input.seed,
    problems: [...input.problems],
    students,
    run: { durationMs: Math.round(input.durationMs), workers: input.workers, judgeVersion: input.judgeVersion },
  };
}
