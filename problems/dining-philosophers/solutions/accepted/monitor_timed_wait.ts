// Accepted. Style: a monitor whose waits have a timeout, re-checked in a loop. Written from the
// statement alone (red team); timed waits once could starve a meal for ever (TLE).
import { Condition } from 'interleave/sync';

// The monitor, with a defensive timed wait in the while loop (Python students write
// cond.wait(timeout=...) "just in case"): a timeout only means "look again".
export class DiningPhilosophers {
  private cond = new Condition();
  private inUse = [false, false, false, false, false];

  async wantsToEat(p: number, pickLeftFork: () => void, pickRightFork: () => void,
                   eat: () => Promise<void>, putLeftFork: () => void, putRightFork: () => void): Promise<void> {
    const l = p, r = (p + 1) % 5;
    await this.cond.acquire();
    while (this.inUse[l] || this.inUse[r]) await this.cond.wait(5);
    this.inUse[l] = this.inUse[r] = true;
    await this.cond.release();
    pickLeftFork();
    pickRightFork();
    await eat();
    await this.cond.acquire();
    putLeftFork();
    putRightFork();
    this.inUse[l] = this.inUse[r] = false;
    await this.cond.notifyAll();
    await this.cond.release();
  }
}
