/**
 * Uniform random: at every switch point any runnable thread, with equal chance. Fair to a thread
 * that yields: it is passed over when another can run.
 */
import { Rng } from './rng';
import type { ChoiceKind, Strategy } from './strategy';

/** How often a `Condition.wait()` returns spuriously under the randomized strategies. */
export const SPURIOUS_ODDS = 1 / 20;

export class RandomStrategy implements Strategy {
  readonly name = 'random';
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  nextSchedule(): boolean {
    return true;
  }

  pick(runnable: readonly number[], current: number, yielding: boolean): number {
    return pickAvoidingYielder(this.rng, runnable, current, yielding);
  }

  choose(bound: number, kind: ChoiceKind): number {
    return chooseRandomly(this.rng, bound, kind);
  }
}

/** A uniform pick that skips a yielding current thread when another is runnable. */
export function pickAvoidingYielder(rng: Rng, runnable: readonly number[], current: number, yielding: boolean): number {
  const n = runnable.length;
  if (yielding && n > 1) {
    const i = runnable.indexOf(current);
    if (i >= 0) {
      const j = rng.below(n - 1);
      return j >= i ? j + 1 : j;
    }
  }
  return rng.below(n);
}

/** Bounded choices shared by the randomized strategies. */
export function chooseRandomly(rng: Rng, bound: number, kind: ChoiceKind): number {
  if (kind === 'spurious') return rng.next() < SPURIOUS_ODDS ? 1 : 0;
  return rng.below(bound);
}
