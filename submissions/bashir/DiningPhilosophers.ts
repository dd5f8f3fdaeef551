// Deadlock. Bug: the classic — everyone takes the left fork, then the right one. When all five
// hold their left fork, each waits for the right one, which the next philosopher holds.
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
    const left = this.forks[philosopher];
    const right = this.forks[(philosopher + 1) % 5];
    await left.acquire();
    pickLeftFork();
    await right.acquire();
    pickRightFork();
    await eat();
    putLeftFork();
    putRightFork();
    await right.release();
    await left.release();
  }
}
