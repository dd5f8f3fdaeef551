// Deadlock. Bug: the oxygen takes the lock and then waits for two hydrogens, but a hydrogen must
// take the same lock to say it arrived: whoever gets the lock first decides, and the oxygen can.
import { Lock, Semaphore } from 'interleave/sync';

export class H2O {
  private readonly lock = new Lock();
  private readonly arrived = new Semaphore(0);
  private readonly go = new Semaphore(0);

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await this.lock.acquire();
    await this.arrived.release();
    await this.lock.release();
    await this.go.acquire();
    releaseHydrogen();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await this.lock.acquire();
    await this.arrived.acquire();
    await this.arrived.acquire();
    releaseOxygen();
    await this.go.release(2);
    await this.lock.release();
  }
}
