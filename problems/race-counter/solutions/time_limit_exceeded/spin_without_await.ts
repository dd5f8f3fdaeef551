// Time limit exceeded. Style: a hand-made spin lock on a `busy` flag.
// Bug: the spin loop has no `await`, so a waiting thread never gives the processor back: the
// thread inside (asleep in `sleep(name)`) can never run again to lower the flag.
// Exposed by: a second thread calls update() while the first one sleeps inside. It spins
// forever; the wall-clock guard stops the run.
import { sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private busy = false;

  async update(name: number): Promise<void> {
    while (this.busy) {} // should await yieldThread() or sleep(1) in the loop
    this.busy = true;
    try {
      const localCopy = this.value + 1;
      await sleep(name);
      this.value = localCopy;
    } finally {
      this.busy = false;
    }
  }
}
