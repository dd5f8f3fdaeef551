/**
 * Follows a schedule written as *which thread* runs at each pick (not which index among the
 * runnable, as a replay does), and lets the current thread go on wherever the guide says
 * nothing. So a schedule stays meaningful when one of its picks is changed: the shrinker uses it
 * to try a failing schedule with fewer switches between threads.
 */
import { nextInTurn, type ChoiceKind, type Strategy } from './strategy';

/** One decision of a run: the thread id a pick chose (or "let the current thread go on"), or a choice's value. */
export type GuideStep = { pick: number | 'current' } | { choose: number };

export class GuidedStrategy implements Strategy {
  readonly name = 'guided';
  private i = 0;
  private used = false;

  constructor(private readonly guide: readonly GuideStep[]) {}

  nextSchedule(): boolean {
    if (this.used) return false;
    this.used = true;
    return true;
  }

  pick(runnable: readonly number[], current: number, yielding: boolean): number {
    const want = this.next('pick');
    let index = typeof want === 'number' ? runnable.indexOf(want) : -1;
    if (index >= 0) return index;
    // Left to itself: the current thread goes on, unless it gave the processor up (a yield is a
    // switch the learner asked for): then the next in turn, as the fair strategies do.
    if (yielding) return nextInTurn(runnable, current);
    index = runnable.indexOf(current);
    return index < 0 ? 0 : index;
  }

  choose(bound: number, _kind: ChoiceKind): number {
    const want = this.next('choose');
    return typeof want === 'number' && want < bound ? want : 0;
  }

  /** The guide's next step of that kind; steps of the other kind on the way are passed over. */
  private next(kind: 'pick' | 'choose'): number | 'current' | undefined {
    while (this.i < this.guide.length) {
      const g = this.guide[this.i++];
      if (kind === 'pick' && 'pick' in g) return g.pick;
      if (kind === 'choose' && 'choose' in g) return g.choose;
    }
    return undefined;
  }
}

/**
 * Wraps a strategy and writes down what it did as a guide (thread ids, choices), and which picks
 * switched away from a thread that could have gone on (the switches a shrinker tries to remove).
 */
export class RecordingStrategy implements Strategy {
  readonly taken: GuideStep[] = [];
  /** Indices into `taken` of the picks that preempted a runnable current thread (not at a yield). */
  readonly preemptions: number[] = [];

  constructor(private readonly inner: Strategy) {}

  get name(): string {
    return this.inner.name;
  }

  nextSchedule(): boolean {
    return this.inner.nextSchedule();
  }

  pick(runnable: readonly number[], current: number, yielding: boolean): number {
    const index = this.inner.pick(runnable, current, yielding);
    // A switch at a yield is the learner's own; any other switch away from a thread that could go on is a preemption.
    if (!yielding && current >= 0 && runnable[index] !== current && runnable.includes(current)) this.preemptions.push(this.taken.length);
    this.taken.push({ pick: runnable[index] });
    return index;
  }

  choose(bound: number, kind: ChoiceKind): number {
    const c = this.inner.choose(bound, kind);
    this.taken.push({ choose: c });
    return c;
  }
}
