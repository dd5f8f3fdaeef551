/**
 * A problem package's definition (`problems/<id>/problem.json`), checked against
 * `problem.schema.json` with ajv before use. It says which class to build, which threads call
 * which methods with which arguments, the cases with their points, and the limits.
 */

/**
 * An argument the harness passes to a method: one kind per file in `args/`, where each says its
 * schema, how it is made and how it reads in a signature.
 */
export type ArgSpec =
  /** A print callback owned by the calling thread; emits `emits`, or its first argument as text. */
  | { callback: string; emits?: string }
  /** A literal value. */
  | { value: unknown }
  /** A value of the case's arguments. */
  | { caseArg: string }
  /** A message unique to this thread and call: `producer-1#0`. */
  | { message: true }
  /** This thread's number among the threads of its kind, from `from` (default 1). */
  | { threadNumber: true; from?: number; name?: string }
  /** This thread's element of a case argument that is an array (or one field of it). */
  | { item: string; field?: string }
  /** A function owned by the thread that returns a fresh message at each call. */
  | { supplier: string }
  /** A function owned by the thread that takes `ms` of virtual time (returns a promise). */
  | { lasting: string; ms: Count }
  /** An Event shared by the run's threads, set by the harness at a moment the strategy chooses. */
  | { stopEvent: string; after: string; within: Count }
  /** web-crawler's HtmlParser over the case argument `htmlParser` names: shared, callable from any thread. */
  | { htmlParser: string; fetchMs: Count };

/** A number, or the name of a case argument that holds it (or an array: its length). */
export type Count = number | string;

export interface ThreadSpec {
  /** The thread's name (numbered `-1`, `-2`… when `count` > 1). */
  name: string;
  method: string;
  args?: ArgSpec[];
  /** How many threads of this kind (default 1). */
  count?: Count;
  /** How many times each calls its method, one call after the other (default 1). */
  calls?: Count;
  /** Switch points between calls, so a slow caller is among the schedules tried. */
  pauses?: boolean;
  /** The number in the first thread's name when `count` > 1 (default 1): `philosopher-0`. */
  namesFrom?: number;
}

export interface CaseSpec {
  name: string;
  args: Record<string, unknown>;
  points: number;
  /** Overrides the problem's step budget for this case. */
  steps?: number;
  /** Overrides `limits.schedules` for this case (large cases need fewer). */
  schedules?: number;
}

export interface Limits {
  /** Scheduling steps per run before it is a livelock (TLE). */
  steps: number;
  /** Wall-clock guard for judging the whole file, in ms. */
  wallClockMs: number;
  /** Heap limit for the judging process, in MiB. */
  memoryMb: number;
  /** Schedules per case the default portfolio runs. */
  schedules: number;
}

export interface ProblemSpec {
  id: string;
  title: string;
  className: string;
  /** Case arguments passed to the constructor, by name, in order. */
  constructorArgs: string[];
  threads: ThreadSpec[];
  cases: CaseSpec[];
  limits: Limits;
  /** Instance properties read once every thread is done (race-counter's `value`). */
  finalReads?: string[];
  /**
   * Python: each read and write of the instance's own data attributes is a switch point, so a
   * race inside `self.value += 1` is explored (CPython may switch between its read and its write).
   * Off by default: every attribute access becomes a step (see README, Python submissions).
   */
  attributeSwitchPoints?: boolean;
  /** The checker module, relative to the package. */
  checker: string;
  /** LeetCode number, source, tags: shown to people, ignored by the judge. */
  source?: string;
}

/** Resolves a count against a case's arguments. */
export function resolveCount(c: Count | undefined, args: Record<string, unknown>, what: string): number {
  if (c === undefined) return 1;
  const raw = typeof c === 'number' ? c : args[c];
  // An array counts its elements: one thread per car of `cars`.
  const v = Array.isArray(raw) ? raw.length : raw;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    throw new Error(`${what}: "${String(c)}" is not a whole number (or an array) in this case's arguments`);
  }
  return v;
}

/** The methods a solution's class must have. */
export function requiredMethods(p: ProblemSpec): string[] {
  return [...new Set(p.threads.map((t) => t.method))];
}

/** The total points of a problem. */
export function maxScore(p: ProblemSpec): number {
  return p.cases.reduce((s, c) => s + c.points, 0);
}
