/**
 * The lane layout of a failing run's trace: for every step, what each thread is doing, so the
 * console and the HTML report draw the same swimlanes (running, blocked, not started, finished).
 */
import { isTraceGap, type Failure, type TraceStep } from '../model/result';

/**
 * `active`: this lane's thread took the step. Otherwise the thread's state at that step:
 * `new` (not started), `ready` (runnable, another thread is running), `blocked` (waiting since
 * a `block` step, until it is woken or acts again), `done` (after its `end`).
 */
export type LaneState = 'active' | 'new' | 'ready' | 'blocked' | 'done';

export interface SwimRow {
  step: TraceStep;
  /** The state of every lane shown (see {@link Swimlane.threads}). */
  lanes: LaneState[];
  /** The acting thread's lane, or -1 for a row across all lanes (time passing, a judge's note). */
  lane: number;
  /** Another thread acts than in the row before: the scheduler switched threads here. */
  switched: boolean;
}

export interface Swimlane {
  /** The threads that have lanes: every thread that acts (the launcher's `main` only when it does). */
  threads: string[];
  rows: SwimRow[];
  /** How many steps the whole run took; more than the trace holds when the judge cut it. */
  runSteps: number;
  /** Steps the trace covers: all of the run's, or 0 when the judge left rows out in the middle. */
  traceSteps: number;
  /** Rows dropped from the start of the trace to respect `maxRows`. */
  cutFromStart: number;
}

/**
 * Lays the trace out in lanes. A `wake` step is read as the woken thread's own step (it resumes);
 * any step by a blocked thread unblocks it, so a trace without explicit wakes still draws right; a
 * `ready` mark ends its blocked look before it runs (what it waited for happened), `stalled` brings it back.
 * @param maxRows keep only the last rows: where a run went wrong is at its end.
 */
export function swimlane(failure: Failure, maxRows = Infinity): Swimlane {
  // Main (thread 0) runs the constructor; its only other rows are notes such as time passing.
  const acts = new Set(failure.trace.filter((t) => t.thread !== 0 || t.kind !== 'note').map((t) => t.thread));
  const shown = failure.threads.map((_, i) => i).filter((i) => i !== 0 || acts.has(0));
  const laneOf = new Map(shown.map((t, lane) => [t, lane]));
  const state: LaneState[] = shown.map(() => 'new');
  let last = -1;
  const rows: SwimRow[] = [];
  for (const step of failure.trace) {
    const lane = laneOf.get(step.thread) ?? -1;
    if (step.kind === 'ready' || step.kind === 'stalled') {
      // No row: a blocked thread can go on from here (or cannot again), so its lane says so.
      if (lane >= 0 && (state[lane] === 'blocked' || state[lane] === 'ready')) state[lane] = step.kind === 'ready' ? 'ready' : 'blocked';
      continue;
    }
    const lanes = state.map((s, i) => (i === lane ? 'active' : s));
    if (lane >= 0) state[lane] = step.kind === 'block' ? 'blocked' : step.kind === 'end' ? 'done' : 'ready';
    const switched = lane >= 0 && last >= 0 && lane !== last;
    if (lane >= 0) last = lane;
    rows.push({ step, lanes, lane, switched });
  }
  const cutFromStart = Math.max(0, rows.length - maxRows);
  return {
    threads: shown.map((i) => failure.threads[i]),
    rows: rows.slice(cutFromStart),
    runSteps: failure.steps,
    // Rows the judge left out are told by a gap row where they were ("… 48800 trace rows left out …").
    traceSteps: failure.trace.some(isTraceGap) ? 0 : failure.steps,
    cutFromStart,
  };
}
