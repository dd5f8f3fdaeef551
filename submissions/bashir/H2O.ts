// Wrong answer. Bug: the semaphores limit how many H and O are "inside" at once, but nothing ties
// them into one molecule: a hydrogen gives its permit back at once and a third H slips in (HHH).
import { Semaphore } from 'interleave/sync';

export class H2O {
  private readonly h = new Semaphore(2);
  private readonly o = new Semaphore(1);

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await this.h.acquire();
    releaseHydrogen();
    await this.h.release();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await this.o.acquire();
    releaseOxygen();
    await this.o.release();
  }
}
