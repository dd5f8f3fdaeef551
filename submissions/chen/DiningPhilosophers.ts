// Accepted. Style: a lock per fork, always taken lower number first (resource ordering): the
// last philosopher reaches for fork 0 before fork 4, so no cycle of waiting can close.
import { Lock } from 'interleave/sync';

export class DiningPhilosophers {
  private readonly forks = Array.from({ length: 5 }, () => new Lock());

  async wantsToEat(
    philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => Promise<void>,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): Promise<void> {
    const left = philosopher;
    const right = (philosopher + 1) % 5;
    const [first, second] = left < right ? [left, right] : [right, left];
    await this.forks[first].acquire();
    await this.forks[second].acquire();
    pickLeftFork();
    pickRightFork();
    await eat();
    putLeftFork();
    putRightFork();
    await this.forks[second].release();
    await this.forks[first].release();
  }
}
