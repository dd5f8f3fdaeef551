/**
 * Replays a recorded schedule: every pick and choice comes from the recorded decisions, so the
 * run is the very same run. `diverged` tells when the code asked for more decisions than were
 * recorded (a different file, or a judge bug).
 */
import type { Strategy } from './strategy';

export class ReplayStrategy implements Strategy {
  readonly name = 'replay';
  private i = 0;
  private used = false;
  diverged = false;

  constructor(private readonly decisions: readonly number[]) {}

  nextSchedule(): boolean {
    if (this.used) return false;
    this.used = true;
    this.i = 0;
    return true;
  }

  pick(runnable: readonly number[]): number {
    return this.next(runnable.length);
  }

  choose(bound: number): number {
    return this.next(bound);
  }

  /** Were all recorded decisions used? */
  get complete(): boolean {
    return this.i === this.decisions.length;
  }

  private next(bound: number): number {
    if (this.i >= this.decisions.length) {
      this.diverged = true;
      return 0;
    }
    const d = this.decisions[this.i++];
    if (d >= bound) {
      this.diverged = true;
      return bound - 1;
    }
    return d;
  }
}
