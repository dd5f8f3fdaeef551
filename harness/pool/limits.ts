/**
 * The resource limits of one sandboxed job, and how they derive from the two figures a user sets
 * (`--memory`, `--job-timeout`).
 */

export interface Limits {
  /** Wall-clock time a job may run once its worker took it, in ms: past it, TLE. */
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
}

/** What a worker needs besides the learner: Node, the judge and SES after lockdown. */
const BASELINE_MB = 160;

export const DEFAULT_MEMORY_MB = 512;
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
  };
}
