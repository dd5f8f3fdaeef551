// Wrong answer (red team). Exposed by the greedy schedule (an atom runs on through its yields). Semaphores admit 2 H and 1 O; then each atom waits for the other two with a
// bounded spin ("10 yields is plenty") before releasing anyway.
import { Semaphore, yieldThread } from 'interleave/sync';

export class H2O {
  private readonly hSem = new Semaphore(2);
  private readonly oSem = new Semaphore(1);
  private arrived = 0;
  private generation = 0;

  private async meet(): Promise<void> {
    const gen = this.generation;
    if (++this.arrived === 3) {
      this.arrived = 0;
      this.generation++;
      return;
    }
    for (let k = 0; k < 10 && this.generation === gen; k++) await yieldThread();
  }

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await this.hSem.acquire();
    await this.meet();
    releaseHydrogen();
    await this.hSem.release();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await this.oSem.acquire();
    await this.meet();
    releaseOxygen();
    await this.oSem.release();
  }
}
