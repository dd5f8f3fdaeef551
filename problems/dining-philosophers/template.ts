import { Lock, Semaphore } from 'interleave/sync';

export class DiningPhilosophers {
  constructor() {
    // TODO: five forks
  }

  async wantsToEat(
    philosopher: number, // 0..4: the left fork is fork `philosopher`, the right one fork (philosopher + 1) % 5
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => Promise<void>, // the meal takes time: await it
    putLeftFork: () => void,
    putRightFork: () => void,
  ): Promise<void> {
    // TODO: take both forks, eat, put both back — without deadlock
  }
}
