// Accepted. Style: `Promise.all` of primitives. update() takes an RLock together with a zero
// sleep in one `await Promise.all([...])`, then does the slow read-modify-write and releases the
// lock itself. Operations awaited through Promise.all belong to the thread that awaits them, so
// the updating thread owns the RLock and its own release() is allowed; the lock makes the
// read-modify-write atomic, so no update is lost.
import { RLock, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private readonly lock = new RLock();

  async update(name: number): Promise<void> {
    await Promise.all([this.lock.acquire(), sleep(0)]);
    try {
      let localCopy = this.value;
      localCopy += 1;
      await sleep(name);
      this.value = localCopy;
    } finally {
      await this.lock.release();
    }
  }
}
