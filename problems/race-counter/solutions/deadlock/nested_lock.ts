// Deadlock. Style: a Lock, with a helper method that also takes it.
// Bug: update() holds the Lock and calls write(), which acquires the same Lock again. A Lock
// is not reentrant (an RLock would be), so the thread waits for itself.
// Exposed by: every run. The first thread to reach write() blocks forever on its own lock;
// every other thread blocks in update()'s acquire().
import { Lock, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private readonly lock = new Lock();

  async update(name: number): Promise<void> {
    await this.lock.acquire();
    try {
      const localCopy = this.value + 1;
      await sleep(name);
      await this.write(localCopy);
    } finally {
      await this.lock.release();
    }
  }

  private async write(newValue: number): Promise<void> {
    await this.lock.acquire(); // already held by this very thread
    try {
      this.value = newValue;
    } finally {
      await this.lock.release();
    }
  }
}
