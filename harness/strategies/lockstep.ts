/**
 * Lockstep: every thread as far along as every other. At each switch point the thread that has
 * taken the fewest steps in this schedule goes next (ties: the next in turn after the one that ran),
 * and time passes as a thread of its own would. Main (id 0), which starts the threads one after
 * another, goes first while it has taken no more steps than there are threads it started, so every
 * thread starts before any gets ahead; past that (a timer's callback of main's) it takes its turn
 * as the others do, so a main that spins cannot starve them. One schedule per start order.
 *
 * What it finds at once is what needs every thread stopped at the same point: five philosophers
 * each holding their left fork, which random and PCT found in about one schedule in a hundred (a
 * case of 120 schedules passed on some seeds and not on others), and which round robin misses,
 * since the harness starts threads one after another and the first has eaten before the last
 * starts. A waiter is woken first come, first served; no spurious wake-up.
 */
import { TIME_PASSES, type Strategy } from './strategy';

/** Main's id: the thread that runs the constructor and starts the others. */
const MAIN = 0;

export class LockstepStrategy implements Strategy {
  readonly name = 'lockstep';
  private used = false;
  /** Steps each thread (and time passing) took in this schedule, by id. */
  private readonly taken = new Map<number, number>();
  /** The threads other than main seen in this schedule. */
  private readonly started = new Set<number>();

  nextSchedule(): boolean {
    if (this.used) return false;
    this.used = true;
    this.taken.clear();
    this.started.clear();
    return true;
  }

  pick(runnable: readonly number[], current: number): number {
    for (const id of runnable) if (id !== MAIN && id !== TIME_PASSES) this.started.add(id);
    const main = runnable.indexOf(MAIN);
    if (main >= 0 && (this.taken.get(MAIN) ?? 0) <= this.started.size) {
      this.taken.set(MAIN, (this.taken.get(MAIN) ?? 0) + 1);
      return main;
    }
    let best = -1;
    let bestTaken = Infinity;
    let bestRank = Infinity;
    for (let i = 0; i < runnable.length; i++) {
      const id = runnable[i];
      const taken = this.taken.get(id) ?? 0;
      // Among the least advanced, the next in turn after `current` (time passing last).
      const rank = id === TIME_PASSES ? Infinity : id > current ? id - current : id + 2 ** 40;
      if (taken < bestTaken || (taken === bestTaken && rank < bestRank)) {
        best = i;
        bestTaken = taken;
        bestRank = rank;
      }
    }
    this.taken.set(runnable[best], bestTaken + 1);
    return best;
  }

  choose(): number {
    return 0;
  }
}
