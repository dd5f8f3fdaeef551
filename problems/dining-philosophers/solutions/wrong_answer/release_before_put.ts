// Wrong answer. Bug: the fork's lock is released before the fork is put down, so a neighbour can
// pick it up while this philosopher still holds it.
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
    await this.forks[second].release();
    await this.forks[first].release();
    putLeftFork();
    putRightFork();
  }
}
