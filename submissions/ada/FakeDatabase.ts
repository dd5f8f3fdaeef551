// Accepted. Style: one Lock around the whole read-sleep-write, the course's Python
// `FakeDatabase` translated faithfully (`with self._lock:` becomes acquire / try / finally).
import { Lock, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private readonly lock = new Lock();

  async update(name: number): Promise<void> {
    await this.lock.acquire();
    try {
      let localCopy = this.value;
      localCopy += 1;
      // While this thread sleeps, the others run, but they wait for the lock.
      await sleep(name);
      this.value = localCopy;
    } finally {
      await this.lock.release();
    }
  }
}
