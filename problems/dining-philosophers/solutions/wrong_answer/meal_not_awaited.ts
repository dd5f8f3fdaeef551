// Wrong answer. Bug: eat() is called but not awaited, so the forks go down while the meal lasts.
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
    void eat();
    putLeftFork();
    putRightFork();
    await this.forks[second].release();
    await this.forks[first].release();
  }
}
