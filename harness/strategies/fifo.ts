/**
 * The naive baseline, for measuring what the other strategies add: no control at all, threads run
 * in plain promise order (first runnable first, round robin), one schedule per start order.
 * Never used to judge; `bench:bugs` compares against it.
 */
import { nextInTurn, type Strategy } from './strategy';

export class FifoStrategy implements Strategy {
  readonly name = 'fifo';
  private used = false;

  nextSchedule(): boolean {
    if (this.used) return false;
    this.used = true;
    return true;
  }

  pick(runnable: readonly number[], current: number): number {
    // Like the microtask queue: the thread after the one that just ran, in creation order.
    return nextInTurn(runnable, current);
  }

  choose(): number {
    return 0;
  }
}
