// Accepted. Style: the lock handling wrapped in `async` helpers that return the primitive's
// promise (`return this.lock.acquire();`) rather than awaiting it. An async function adopts a
// returned promise, so `await this.enter()` waits until the lock is really held.
import { Lock, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private readonly lock = new Lock();

  private async enter(): Promise<boolean> {
    return this.lock.acquire();
  }

  private async leave(): Promise<void> {
    return this.lock.release();
  }

  async update(name: number): Promise<void> {
    await this.enter();
    let localCopy = this.value;
    localCopy += 1;
    await sleep(name);
    this.value = localCopy;
    await this.leave();
  }
}
