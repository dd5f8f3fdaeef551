// Accepted. Style: one Condition and counters of the molecule being built, re-checked in a while
// loop; the atom is released under the lock, and the last of three starts the next molecule.
import { Condition } from 'interleave/sync';

export class H2O {
  private readonly cond = new Condition();
  private h = 0;
  private o = 0;

  private async bond(): Promise<void> {
    if (this.h === 2 && this.o === 1) {
      this.h = 0;
      this.o = 0;
      await this.cond.notifyAll();
    }
  }

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await this.cond.acquire();
    while (this.h === 2) await this.cond.wait();
    this.h++;
    releaseHydrogen();
    await this.bond();
    await this.cond.release();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await this.cond.acquire();
    while (this.o === 1) await this.cond.wait();
    this.o++;
    releaseOxygen();
    await this.bond();
    await this.cond.release();
  }
}
