/**
 * The one seam of exploration (as Shuttle's `Scheduler` trait): a strategy sees thread ids, never
 * threads or tasks, and answers two questions the runtime asks during a run. Every answer is recorded, so
 * any run can be replayed from its decisions alone.
 */

/** Why the runtime asks for a bounded choice. */
export type ChoiceKind =
  /** Which waiter a `notify()` or `release()` wakes. */
  | 'waiter'
  /** Whether a `Condition.wait()` returns spuriously (1) or not (0). */
  | 'spurious'
  /** Data: `Math.random()`, sampled start orders. */
  | 'random';

/**
 * The id of the candidate "time passes to the next deadline" among the runnable ids: offered
 * whenever a timer is pending, so a sleep's end or a timeout may come at any switch point. It
 * sorts after every task's id.
 */
export const TIME_PASSES = Number.MAX_SAFE_INTEGER;

export interface Strategy {
  readonly name: string;
  /**
   * Prepares the next schedule of the current case and start order; false when the strategy has
   * nothing left to try there (DFS exhausted, replay done).
   */
  nextSchedule(): boolean;
  /**
   * Picks which thread goes next: an index into `runnable`, the ids of the threads with a task
   * ready (each offers one), in a stable order. `current` is the id of the thread that ran last,
   * if it can go on (else -1), and `yielding` tells that it gave the processor up on purpose, so a
   * fair strategy lets another go. Ids are threads', not tasks': a thread that calls an `async`
   * helper or resumes after an `await` is still the same thread, so PCT keeps its priority and
   * round robin its turn (with task ids, each nested call drew a fresh PCT priority).
   */
  pick(runnable: readonly number[], current: number, yielding: boolean): number;
  /** A number in [0, bound). */
  choose(bound: number, kind: ChoiceKind): number;
}

/**
 * Round robin: the index of the thread next in turn after thread `after`, in id order (time passing
 * last), wrapping round to the lowest. The runnable list is in the order the tasks were made, not
 * in id order: a thread whose timer callback or nested call is ready comes after the others.
 */
export function nextInTurn(runnable: readonly number[], after: number): number {
  let next = -1;
  let lowest = 0;
  for (let i = 0; i < runnable.length; i++) {
    const id = runnable[i];
    if (id < runnable[lowest]) lowest = i;
    if (id > after && (next < 0 || id < runnable[next])) next = i;
  }
  return next >= 0 ? next : lowest;
}
