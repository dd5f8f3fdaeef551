/**
 * The resource limits of one sandboxed job, and how they derive from the two figures a user sets
 * (`--memory`, `--job-timeout`).
 */

export interface Limits {
  /**
   * The time a job may run once its worker took it, in ms: past it, TLE. It is the worker's CPU
   * time where /proc shows it (cpu-time.ts: a loaded machine slows the clock, not the CPU), and
   * wall-clock time elsewhere; the clock still stops a worker at `wallBackstop` times it.
   */
  wallMs: number;
  /** The V8 heap of a worker, in MB (`--max-old-space-size`): past it, MLE. */
  heapMb: number;
  /**
   * Resident memory of a worker, in MB, watched from the parent through /proc: catches memory
   * outside the JS heap (ArrayBuffer, typed arrays), which the heap limit does not count.
   */
  rssMb: number;
  /** How long a worker may take to start and take a job before it is replaced, in ms. */
  startMs: number;
  /** How often the parent samples a busy worker's resident memory, in ms. */
  memoryPollMs: number;
  /** The wall-clock backstop, in multiples of `wallMs` (see {@link WALL_BACKSTOP}). */
  wallBackstop: number;
}

/**
 * A worker whose heap still holds more than this after a job and a full collection is replaced
 * before the next job, in MB: memory a job leaves behind (strings kept alive in the realm's
 * `Symbol.for` registry, which nothing frees) must not shrink the next student's heap. A fresh
 * worker holds about 9 MB, and the problems and checkers it loads a few more; a job whose heap
 * ends above this is collected first (worker.ts), so that garbage alone never replaces a worker.
 */
export const RETAINED_HEAP_MB = 48;

/**
 * Resident memory above a worker's own at boot, in MB, past which a job's end is followed by a full
 * collection (worker.ts): problems, checkers and compiled code stay well below it.
 */
export const LEFT_RESIDENT_MB = 64;

/** Should a worker collect its garbage after a job (see worker.ts collectIfLarge)? */
export function shouldCollect(used: { heapUsed: number; rss: number }, bootRss: number): boolean {
  const MB = 1024 * 1024;
  return used.heapUsed > RETAINED_HEAP_MB * MB || used.rss > bootRss + LEFT_RESIDENT_MB * MB;
}

/** What a worker needs besides the learner: Node, the judge and SES after lockdown. */
const BASELINE_MB = 160;

export const DEFAULT_MEMORY_MB = 512;

/**
 * Where CPU time is the limit, a job is still stopped at this many times the limit of wall-clock
 * time: a worker that waits on nothing it can get (or a machine loaded past reason). A
 * TypeScript job cannot wait on anything real (its time is virtual), so the clock is only a
 * backstop: ten times leaves room for a machine shared with many other jobs.
 */
export const WALL_BACKSTOP = 10;

/** How many memory samples go by between two readings of a worker's CPU time. */
export const CPU_POLL_EVERY = 10;
export const DEFAULT_WALL_MS = 60_000;

/**
 * Limits from a memory budget for the learner (MB) and a wall-clock limit (ms). The heap gets the
 * whole budget; resident memory may exceed it by what Node and the judge need themselves.
 */
export function limitsFor(memoryMb = DEFAULT_MEMORY_MB, wallMs = DEFAULT_WALL_MS): Limits {
  return {
    wallMs,
    heapMb: memoryMb,
    rssMb: memoryMb + BASELINE_MB,
    startMs: Math.max(15_000, Math.min(wallMs, 60_000)),
    memoryPollMs: 20,
    wallBackstop: WALL_BACKSTOP,
  };
}
