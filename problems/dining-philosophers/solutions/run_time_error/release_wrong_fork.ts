// Run-time error. Bug: a copy-paste slip releases the left fork's lock twice and never the right
// one: releasing an unlocked Lock is refused.
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
    const left = this.forks[Math.min(philosopher, (philosopher + 1) % 5)];
    const right = this.forks[Math.max(philosopher, (philosopher + 1) % 5)];
    await left.acquire();
    await right.acquire();
    pickLeftFork();
    pickRightFork();
    await eat();
    putLeftFork();
    putRightFork();
    await left.release();
    await left.release();
  }
}
