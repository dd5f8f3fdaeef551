/**
 * PCT, probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte, ASPLOS
 * 2010): every thread gets a random priority and the highest runnable one always runs; at d-1
 * random steps the running thread drops to a low priority. A bug of depth d is found with
 * probability at least 1/(n·k^(d-1)) per schedule. A thread that yields drops below all others,
 * so a correct busy-waiter cannot starve the thread it waits for (Coyote pairs PCT with such
 * fairness; Shuttle passes `is_yielding` for it).
 */
import { Rng } from './rng';
import { chooseRandomly } from './random';
import { TIME_PASSES, type ChoiceKind, type Strategy } from './strategy';

/** Priorities at change points are about -1e6; a yielding thread drops below all of them. */
const YIELD_FLOOR = -2_000_000;

export class PctStrategy implements Strategy {
  readonly name: string;
  private readonly rng: Rng;
  private priorities = new Map<number, number>();
  private changePoints: number[] = [];
  private steps = 0;
  /**
   * Estimate of a schedule's length in picks (PCT's k): a guess for the first schedule, then the
   * longest run so far. Change points past a run's end are wasted, so a short case (print-in-order
   * takes about 20 picks) must not keep the guess: it lost three change points in four.
   */
  private length = 64;
  private measured = false;
  /** Was the last pick time passing? */
  private timeJustPassed = false;
  /** Yielders go below every other priority, change points included. */
  private lowest = YIELD_FLOOR;

  constructor(
    seed: number,
    private readonly depth = 3,
  ) {
    this.rng = new Rng(seed);
    this.name = `pct(d=${depth})`;
  }

  nextSchedule(): boolean {
    if (this.steps > 0) {
      this.length = this.measured ? Math.max(this.length, this.steps) : this.steps;
      this.measured = true;
    }
    this.priorities = new Map();
    this.steps = 0;
    this.lowest = YIELD_FLOOR;
    this.timeJustPassed = false;
    this.changePoints = [];
    for (let i = 1; i < this.depth; i++) this.changePoints.push(1 + this.rng.below(this.length));
    return true;
  }

  pick(runnable: readonly number[], current: number, yielding: boolean): number {
    this.steps++;
    // A thread whose sleep time passing just ended did not yield now: it yielded when it went to
    // sleep, and time passing, chosen, has dropped low itself. Dropping the sleeper again made it
    // run after every other thread once it woke, so "wakes and acts before the others move" (an
    // Event pulse a sleeping thread sends) was almost never tried.
    if (yielding && !this.timeJustPassed && this.priorities.has(current)) this.priorities.set(current, --this.lowest);
    const best = this.highest(runnable);
    const change = this.changePoints.indexOf(this.steps);
    if (change < 0) return this.timePassed(runnable, best);
    // A priority change point: the thread about to run drops low, and the next one runs instead.
    this.priorities.set(runnable[best], -1_000_000 - change);
    return this.timePassed(runnable, this.highest(runnable));
  }

  /**
   * Time passing is what happens while the threads are slow: once it was chosen it yields, like a
   * yielding thread, so a pending timeout cannot starve a runnable thread for ever (a consumer
   * polling with a timeout beside a producer that never got to start).
   */
  private timePassed(runnable: readonly number[], index: number): number {
    this.timeJustPassed = runnable[index] === TIME_PASSES;
    if (this.timeJustPassed) this.priorities.set(TIME_PASSES, --this.lowest);
    return index;
  }

  choose(bound: number, kind: ChoiceKind): number {
    return chooseRandomly(this.rng, bound, kind);
  }

  private highest(runnable: readonly number[]): number {
    let best = 0;
    let bestPriority = -Infinity;
    for (let i = 0; i < runnable.length; i++) {
      const p = this.priority(runnable[i]);
      if (p > bestPriority) {
        bestPriority = p;
        best = i;
      }
    }
    return best;
  }

  private priority(thread: number): number {
    let p = this.priorities.get(thread);
    if (p === undefined) {
      p = this.rng.next() * 1_000_000;
      this.priorities.set(thread, p);
    }
    return p;
  }
}
