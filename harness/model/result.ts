/**
 * What the judge says about one submission file for one problem: the data every reporter reads.
 * Plain JSON-able data only: it crosses process boundaries and is written to results.json.
 */

/** DESIGN.md section 3. */
export type Verdict = 'AC' | 'WA' | 'DL' | 'TLE' | 'RTE' | 'CE' | 'MLE' | 'OLE' | 'JE';

export const VERDICTS: readonly Verdict[] = ['AC', 'WA', 'DL', 'TLE', 'RTE', 'CE', 'MLE', 'OLE', 'JE'];

export const VERDICT_NAMES: Record<Verdict, string> = {
  AC: 'accepted',
  WA: 'wrong answer',
  DL: 'deadlock',
  TLE: 'time limit exceeded',
  RTE: 'run-time error',
  CE: 'compile error',
  MLE: 'memory limit exceeded',
  OLE: 'output limit exceeded',
  JE: 'judge error',
};

/** A position in the learner's source. */
export interface SourceSite {
  file: string;
  line: number;
  column?: number;
}

/** One row of a trace: a thread did something at a step. */
export interface TraceStep {
  step: number;
  /** Index into {@link Failure.threads}. */
  thread: number;
  /** What happened, for people: `Lock.acquire() → acquired`, `printFoo() → "foo"`. */
  text: string;
  /**
   * `ready` and `stalled` are no rows: a blocked thread can go on from this step (what it waits
   * for happened, though it has not run yet), or cannot again (another thread took it first).
   */
  kind: 'start' | 'op' | 'block' | 'wake' | 'emit' | 'call' | 'return' | 'throw' | 'note' | 'end' | 'ready' | 'stalled';
  site?: SourceSite;
  /** Virtual time in ms, when it moved. */
  time?: number;
  /** The primitive operated on: the run's number for it (the same number is the same object). */
  object?: number;
  /** The learner's name for that object at this row's line (`this.fooReady`), when the source says. */
  name?: string;
  /** This row stands for that many identical rows in a row (a spinning loop folded). */
  repeat?: number;
}

/** The row that stands where a long trace's middle was left out (by the run's window or the judge). */
export function traceGap(step: number, omitted: number): TraceStep {
  return { step, thread: 0, kind: 'note', text: `… ${omitted} trace rows left out …` };
}

/** Is this row such a gap (see {@link traceGap})? */
export function isTraceGap(row: TraceStep): boolean {
  return row.kind === 'note' && row.thread === 0 && /^… \d+ trace rows left out …$/.test(row.text);
}

/** A thread that could not go on when the run deadlocked. */
export interface BlockedThread {
  thread: string;
  waitsIn: string;
  site?: SourceSite;
  /** The primitive it waits on (see {@link TraceStep.object}). */
  object?: number;
  /**
   * Who last operated on that object before the run stopped, latest first: the last touch, and the
   * last one by another thread when that was someone else. The key to most deadlocks.
   */
  lastTouches?: Array<{ thread: string; text: string; step: number; site?: SourceSite }>;
}

/** Everything a learner needs to understand and replay one failing run. */
export interface Failure {
  verdict: Verdict;
  /** One sentence: what went wrong. */
  message: string;
  expected?: string;
  actual?: string;
  /** Thread names, in the order they were started. */
  threads: string[];
  startOrder: string[];
  trace: TraceStep[];
  /** How many steps the whole run took (the trace may be cut for display). */
  steps: number;
  blocked?: BlockedThread[];
  /** A learner stack, source-mapped, for RTE. */
  stack?: string;
  /**
   * The learner's line the failure points at: where the exception was thrown, where a deadlocked
   * thread waits, or else the last traced step in the learner's code.
   */
  site?: SourceSite;
  /** Notes the judge made on the way: missing awaits, injected spurious wake-ups, busy waiting. */
  notes: string[];
  replay: string;
  /** Did replaying the failure give the same verdict and trace? */
  reproduced: boolean;
  /**
   * False when the failure was not replayed to explain it: a clock stopped the run (a Python
   * thread's watchdog), and a replay would only be stopped again as late. Its trace is empty.
   */
  replayed?: false;
  /** Which strategy found it, and after how many schedules of this case. */
  strategy: string;
  schedulesToFailure: number;
  /**
   * The run shown is the found one shrunk to fewer switches between threads (the replay token is
   * of the shrunk run); how long each was.
   */
  shrunk?: { switches: number; originalSwitches: number; steps: number; originalSteps: number };
}

/** Figures of one case's exploration. */
export interface Exploration {
  startOrders: number;
  schedules: number;
  steps: number;
  strategies: string[];
  /** Per-schedule wall time in ms and steps, for the report's histograms (at most 200 samples). */
  runMs: number[];
  runSteps: number[];
  busyWaiting: boolean;
}

export interface CaseResult {
  name: string;
  verdict: Verdict;
  points: number;
  maxPoints: number;
  timeMs: number;
  explored: Exploration;
  failure?: Failure;
}

export interface ProblemResult {
  problem: string;
  file: string;
  verdict: Verdict;
  score: number;
  maxScore: number;
  seed: number;
  timeMs: number;
  cases: CaseResult[];
  /** Compile errors and other failures that happen before any case runs. */
  error?: { message: string; site?: SourceSite; frame?: string };
  /** The replay token of the first failing case. */
  replay?: string;
  /**
   * This result is one run replayed from a token (`run --replay`), not a verdict on the file:
   * whether the file changed since the token was made (its hash differs).
   */
  replayed?: { fileChanged: boolean };
  /** The learner's file, kept for a failure so a report can show its code beside the trace. */
  source?: { file: string; text: string };
}
