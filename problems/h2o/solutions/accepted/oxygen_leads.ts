// Accepted. Style: the oxygen leads — one oxygen at a time releases itself, lets exactly two
// hydrogens through, and waits until both were released before the next oxygen may start.
import { Semaphore } from 'interleave/sync';

export class H2O {
  private readonly oxygenTurn = new Semaphore(1);
  private readonly hydrogenGo = new Semaphore(0);
  private readonly hydrogenDone = new Semaphore(0);

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await this.hydrogenGo.acquire();
    releaseHydrogen();
    await this.hydrogenDone.release();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await this.oxygenTurn.acquire();
    releaseOxygen();
    await this.hydrogenGo.release(2);
    await this.hydrogenDone.acquire();
    await this.hydrogenDone.acquire();
    await this.oxygenTurn.release();
  }
}
