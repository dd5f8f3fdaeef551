/**
 * What `interleave classroom` prints for people: each problem as `interleave run` shows it, then a
 * table of every case and the total, the same total the Classroom reporter shows as "Points X/Y".
 */
import { formatRunResult } from '../report/console';
import { oneLine, style, table } from '../report/terminal';
import { totals, type ProblemGrade } from './grades';
import { inertCommands } from '../report/workflow-commands';

/** The problems' reports (verdicts, traces, replay commands). Holds learner text. */
export function formatProblems(grades: readonly ProblemGrade[], opts: { color: boolean }): string {
  return grades.map((g) => formatRunResult(g.result, { color: opts.color })).join('\n');
}

/** A row per case, then `Points X/Y`. */
export function formatCaseTable(grades: readonly ProblemGrade[], opts: { color: boolean }): string {
  const s = style(opts.color);
  const rows = [[s.bold('problem'), s.bold('case'), s.bold('verdict'), s.bold('points')]];
  for (const g of grades) {
    for (const c of g.cases) rows.push([g.problem, oneLine(c.name), s.verdict(c.verdict), `${c.points}/${c.maxPoints}`]);
  }
  const { score, maxScore } = totals(grades);
  return inertCommands(`${[...table(rows, ['left', 'left', 'left', 'right']), '', s.bold(`Points ${score}/${maxScore}`)].join('\n')}\n`);
}
