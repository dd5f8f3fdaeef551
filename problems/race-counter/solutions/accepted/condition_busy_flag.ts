// Accepted. Style: a hand-made mutex: a `busy` flag guarded by a Condition. A thread waits
// with waitFor() until the flag is down, raises it, does the slow update without holding the
// Condition's lock, then lowers the flag and notifies one waiter. notify() is enough: every
// waiter waits for the same thing, and a woken one that loses the race simply waits again.
import { Condition, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private readonly condition = new Condition();
  private busy = false;

  async update(name: number): Promise<void> {
    await this.condition.acquire();
    try {
      await this.condition.waitFor(() => !this.busy);
      this.busy = true;
    } finally {
      await this.condition.release();
    }

    try {
      const localCopy = this.value + 1;
      await sleep(name);
      this.value = localCopy;
    } finally {
      await this.condition.acquire();
      try {
        this.busy = false;
        await this.condition.notify();
      } finally {
        await this.condition.release();
      }
    }
  }
}
