// Accepted. Style: LeetCode's classic — two semaphores admit two H and one O, a barrier of three
// holds them until the molecule is complete; a permit goes back only after its atom was released.
import { Barrier, Semaphore } from 'interleave/sync';

export class H2O {
  private readonly h = new Semaphore(2);
  private readonly o = new Semaphore(1);
  private readonly molecule = new Barrier(3);

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await this.h.acquire();
    await this.molecule.wait();
    releaseHydrogen();
    await this.h.release();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await this.o.acquire();
    await this.molecule.wait();
    releaseOxygen();
    await this.o.release();
  }
}
