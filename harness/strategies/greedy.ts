/**
 * Greedy: one thread runs whenever it can, on through its own yields and sleeps, as if every other
 * thread were slow. One schedule per thread other than main, for each start order.
 *
 * The other strategies are fair to a yielding thread (it is not run again while another can go), so
 * a spin with a bound never ran out there: `for (k = 0; k < 10 && !done.isSet(); k++) await
 * yieldThread();` and then going on anyway got AC on every schedule, as did ten `sleep(10)`s in
 * place of a wait. No thread is promised to be "never that slow" (DESIGN 2b: no fairness), so the
 * spinner's ten rounds may all pass before the thread it waits for moves: here they do. While the
 * greedy thread sleeps, time passes (its sleep ends) rather than another thread going.
 *
 * Only its sleeps: while it waits for a lock, a condition (timed or not) or a service's fetch, the
 * others go, fairly. Time passing while the others are held back makes everything they do later,
 * and a correct crawler whose one worker let time pass through each of its fetches alone took as
 * long as a serial one (the overlap check failed it); a worker whose timed `get` expired again and
 * again, with every other thread held back, was a livelock of the strategy's own making.
 *
 * After `budget` picks the greedy thread turns fair (round robin, a yielder passed over), so a
 * correct busy-waiter, which spins until the thread it waits for moves, still ends; a spin bounded
 * below that many rounds is caught. A waiter is woken first come, first served; no spurious wake-up.
 */
import { Rng } from './rng';
import { nextInTurn, TIME_PASSES, type ChoiceKind, type Strategy } from './strategy';

/** Main's id: the thread that runs the constructor and starts the others (never the greedy one). */
const MAIN = 0;

/** Picks the greedy thread takes before it turns fair: a spin bounded below this is caught. */
export const GREEDY_BUDGET = 1_000;

export class GreedyStrategy implements Strategy {
  readonly name = 'greedy';
  private readonly rng: Rng;
  /** Every thread other than main seen in any schedule so far, and the ones already made greedy. */
  private readonly seen = new Set<number>();
  private readonly done = new Set<number>();
  /** This schedule's greedy thread (-1: the first thread other than main to become runnable). */
  private target = -1;
  /** The greedy thread's picks so far in this schedule (those with a choice: more than one candidate). */
  private picks = 0;
  /** The last id picked, and whether the greedy thread went to sleep then (it yielded and cannot go). */
  private last = -1;
  private sleeping = false;
  private schedules = 0;

  constructor(
    seed: number,
    private readonly budget = GREEDY_BUDGET,
  ) {
    this.rng = new Rng(seed);
  }

  nextSchedule(): boolean {
    if (this.target >= 0) this.done.add(this.target);
    this.picks = 0;
    this.last = -1;
    this.sleeping = false;
    if (this.schedules++ === 0) {
      this.target = -1;
      return true;
    }
    const next = [...this.seen].filter((id) => !this.done.has(id)).sort((a, b) => a - b)[0];
    if (next === undefined) return false;
    this.target = next;
    return true;
  }

  pick(runnable: readonly number[], current: number, yielding: boolean): number {
    const index = this.choosePick(runnable, current, yielding);
    this.last = runnable[index];
    return index;
  }

  private choosePick(runnable: readonly number[], current: number, yielding: boolean): number {
    for (const id of runnable) if (id !== MAIN && id !== TIME_PASSES) this.seen.add(id);
    if (this.target < 0) this.target = runnable.find((id) => id !== MAIN && id !== TIME_PASSES) ?? -1;
    const mine = this.target < 0 ? -1 : runnable.indexOf(this.target);
    // It went to sleep if it ran last, yielded and cannot go on (a yield would leave it runnable); it sleeps until it can go again.
    if (mine >= 0) this.sleeping = false;
    else if (this.last === this.target && current < 0 && yielding) this.sleeping = true;
    if (this.picks < this.budget) {
      // The greedy thread goes, or, while it sleeps, time passes rather than another thread going.
      const time = this.sleeping ? runnable.indexOf(TIME_PASSES) : -1;
      const greedy = mine >= 0 ? mine : time;
      if (greedy >= 0) {
        if (runnable.length > 1) this.picks++;
        return greedy;
      }
    }
    // Fair: the thread that ran goes on unless it yielded; then the next in turn.
    const at = runnable.indexOf(current);
    if (at >= 0 && !yielding) return at;
    return nextInTurn(runnable, current);
  }
  choose(bound: number, kind: ChoiceKind): number {
    if (kind === 'random') return this.rng.below(bound);
    return 0;
  }
}
