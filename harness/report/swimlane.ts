/**
 * The lane layout of a failing run's trace: for every step, what each thread is doing, so the
 * console and the HTML report draw the same swimlanes (running, blocked, not started, finished).
 */
import type { Failure, TraceStep } from '../model/result';

/**
 * `active`: this lane's thread took the step. Otherwise the thread's state at that step:
 * `new` (not started), `ready` (runnable, another thread is running), `blocked` (waiting since
 * a `block` step, until it is woken or acts again), `done` (after its `end`).
 */
export type LaneState = 'active' | 'new' | 'ready' | 'blocked' | 'done';

export interface SwimRow {
  step: TraceStep;
  lanes: LaneState[];
}

export interface Swimlane {
  threads: string[];
  rows: SwimRow[];
  /** How many steps the whole run took; more than the trace holds when the judge cut it. */
  runSteps: number;
  /** Steps the judge's trace holds. */
  traceSteps: number;
  /** Rows dropped from the start of the trace to respect `maxRows`. */
  cutFromStart: number;
}

/**
 * Lays the trace out in lanes. A `wake` step is read as the woken thread's own step (it resumes);
 * any step by a blocked thread unblocks it, so a trace without explicit wakes still draws right.
 * @param maxRows keep only the last rows: where a run went wrong is at its end.
 */
export function swimlane(failure: Failure, maxRows = Infinity): Swimlane {
  const state: LaneState[] = failure.threads.map(() => 'new');
  const rows: SwimRow[] = failure.trace.map((step) => {
    const lanes = state.map((s, i) => (i === step.thread ? 'active' : s));
    state[step.thread] = step.kind === 'block' ? 'blocked' : step.kind === 'end' ? 'done' : 'ready';
    return { step, lanes };
  });
  const cutFromStart = Math.max(0, rows.length - maxRows);
  return {
    threads: failure.threads,
    rows: rows.slice(cutFromStart),
    runSteps: failure.steps,
    traceSteps: failure.trace.length,
    cutFromStart,
  };
}
