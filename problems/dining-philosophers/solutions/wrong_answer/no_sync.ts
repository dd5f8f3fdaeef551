// Wrong answer. Bug: no synchronization — neighbours pick up the same fork.
import { yieldThread } from 'interleave/sync';

export class DiningPhilosophers {
  async wantsToEat(
    philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => Promise<void>,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): Promise<void> {
    pickLeftFork();
    await yieldThread();
    pickRightFork();
    await eat();
    putLeftFork();
    putRightFork();
  }
}
