/**
 * Numbers a trace's steps as its reader counts them: 1, 2, 3, … over the steps that show a row.
 *
 * The engine counts every step, also those that show nothing: the harness's own (a method's
 * promise settling, its driver going on to record `returned`) and a thread's last stretch of code
 * before it returns. Numbered by the engine, a trace skipped (6, 8, 10, 12) and a student looked
 * for what happened at 7. Rows the run's window left out (a gap row) keep their width: the rows
 * after the gap are as far from those before it as the engine says.
 *
 * `ready` and `stalled` marks are no rows: one in a step that shows nothing takes the number of
 * the next step that does (its thread's lane changes from that row on).
 */
import { isTraceGap, type TraceStep } from '../model/result';

const isMark = (row: TraceStep): boolean => row.kind === 'ready' || row.kind === 'stalled';

/** Renumbers `trace`'s steps in place (see above); every row keeps its order. */
export function renumberSteps(trace: TraceStep[]): void {
  const number = new Map<number, number>();
  let shown = 0;
  let lastEngine = 0;
  for (const row of trace) {
    if (isMark(row) || number.has(row.step)) continue;
    // Across a gap (numbered as the row after it), as many steps as the engine counted: which of
    // them showed rows is unknown.
    shown += isTraceGap(row) ? Math.max(1, row.step - lastEngine) : 1;
    number.set(row.step, shown);
    lastEngine = row.step;
  }
  let next = shown;
  for (let i = trace.length - 1; i >= 0; i--) {
    const row = trace[i];
    const n = number.get(row.step);
    if (n !== undefined && !isMark(row)) next = n;
    row.step = n ?? next;
  }
}
