// Accepted. Style: waitFor(predicate, 20) in a loop. Written from the statement alone (red team).
import { Condition } from 'interleave/sync';

// Admission gate with Condition.waitFor: at most 2 H and 1 O admitted to the current molecule;
// the gate reopens only once all three admitted atoms have released.
export class H2O {
  private cond = new Condition();
  private h = 0;
  private o = 0;
  private released = 0;

  private async finishOne(): Promise<void> {
    this.released++;
    if (this.released === 3) {
      this.h = 0;
      this.o = 0;
      this.released = 0;
      await this.cond.notifyAll();
    }
  }

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await this.cond.acquire();
    try {
      while (!(await this.cond.waitFor(() => this.h < 2, 20))) { /* timed out: wait again */ }
      this.h++;
      releaseHydrogen();
      await this.finishOne();
    } finally {
      await this.cond.release();
    }
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await this.cond.acquire();
    try {
      while (!(await this.cond.waitFor(() => this.o < 1, 20))) { /* timed out: wait again */ }
      this.o++;
      releaseOxygen();
      await this.finishOne();
    } finally {
      await this.cond.release();
    }
  }
}
