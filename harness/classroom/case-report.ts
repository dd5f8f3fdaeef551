/**
 * The text a learner reads about one case: `formatRunResult` narrowed to that case, so the header,
 * the case line, the trace, expected vs actual and the replay command all speak of it alone.
 */
import type { ProblemResult } from '../model/result';
import { formatRunResult } from '../report/console';

/**
 * The terminal text for case `caseName` of `result`, without colour unless asked. A result that
 * has no such case (the judge stopped before any case ran) gives the text of the whole result.
 */
export function caseReport(result: ProblemResult, caseName: string, opts: { color?: boolean; width?: number } = {}): string {
  const c = result.cases.find((x) => x.name === caseName);
  const narrowed: ProblemResult = c
    ? { ...result, verdict: c.verdict, score: c.points, maxScore: c.maxPoints, cases: [c], replay: c.failure?.replay }
    : result;
  return formatRunResult(narrowed, { color: opts.color ?? false, width: opts.width }).replace(/\n+$/, '');
}
