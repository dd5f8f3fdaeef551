// Accepted. Style: a waiter (a semaphore of four) lets at most four philosophers reach for forks
// at once, so one of them always gets both.
import { Lock, Semaphore } from 'interleave/sync';

export class DiningPhilosophers {
  private readonly forks = Array.from({ length: 5 }, () => new Lock());
  private readonly waiter = new Semaphore(4);

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
    await this.waiter.acquire();
    await left.acquire();
    pickLeftFork();
    await right.acquire();
    pickRightFork();
    await eat();
    putRightFork();
    await right.release();
    putLeftFork();
    await left.release();
    await this.waiter.release();
  }
}
