// Wrong answer. Style: a Lock around the read-sleep-write, but a new Lock on every call.
// Bug: each update() creates its own Lock, so every thread holds a different lock and nothing
// is mutually exclusive: the race is still there.
// Exposed by: two threads both read `value` before either writes back (thread 1 reads 0 and
// sleeps, thread 2 reads 0 and sleeps); both write 1, one update is lost.
import { Lock, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;

  async update(name: number): Promise<void> {
    const lock = new Lock(); // should be one shared field, created once
    await lock.acquire();
    try {
      const localCopy = this.value + 1;
      await sleep(name);
      this.value = localCopy;
    } finally {
      await lock.release();
    }
  }
}
