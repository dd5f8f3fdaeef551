// Accepted. Style: eat().finally(...) releases the forks. Written from the statement alone (red team).
import { Lock } from 'interleave/sync';

// Correct: ordered forks; the forks are put down in eat()'s .finally() (the statement types eat
// as () => Promise<void>), so they are given back even if the meal failed.
export class DiningPhilosophers {
  private forks = [new Lock(), new Lock(), new Lock(), new Lock(), new Lock()];

  async wantsToEat(p: number, pickLeftFork: () => void, pickRightFork: () => void,
                   eat: () => Promise<void>, putLeftFork: () => void, putRightFork: () => void): Promise<void> {
    const l = p, r = (p + 1) % 5;
    const [a, b] = l < r ? [l, r] : [r, l];
    await this.forks[a].acquire();
    await this.forks[b].acquire();
    pickLeftFork();
    pickRightFork();
    await eat().finally(() => {
      putLeftFork();
      putRightFork();
    });
    await this.forks[b].release();
    await this.forks[a].release();
  }
}
