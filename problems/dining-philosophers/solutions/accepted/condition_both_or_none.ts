// Accepted. Style: one Condition over the table — a philosopher waits (in a while loop) until both
// forks are free and takes them together; the lock is not held during the meal.
import { Condition } from 'interleave/sync';

export class DiningPhilosophers {
  private readonly table = new Condition();
  private readonly taken = [false, false, false, false, false];

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
    await this.table.acquire();
    while (this.taken[left] || this.taken[right]) await this.table.wait();
    this.taken[left] = this.taken[right] = true;
    await this.table.release();

    pickLeftFork();
    pickRightFork();
    await eat();
    putLeftFork();
    putRightFork();

    await this.table.acquire();
    this.taken[left] = this.taken[right] = false;
    await this.table.notifyAll();
    await this.table.release();
  }
}
