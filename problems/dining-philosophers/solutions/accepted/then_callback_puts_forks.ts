// The forks are put down in a .then callback the call awaits: it runs as the call's own thread.
import { Lock } from 'interleave/sync';

export class DiningPhilosophers {
  private forks = [0, 1, 2, 3, 4].map(() => new Lock());
  async wantsToEat(p: number, pickLeftFork: () => void, pickRightFork: () => void,
                   eat: () => Promise<void>, putLeftFork: () => void, putRightFork: () => void): Promise<void> {
    const l = p, r = (p + 1) % 5;
    const [a, b] = l < r ? [l, r] : [r, l];
    await this.forks[a].acquire();
    await this.forks[b].acquire();
    pickLeftFork(); pickRightFork();
    await eat().then(() => { putLeftFork(); putRightFork(); });
    await this.forks[b].release();
    await this.forks[a].release();
  }
}
