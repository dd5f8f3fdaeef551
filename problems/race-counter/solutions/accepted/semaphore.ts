// Accepted. Style: a BoundedSemaphore(1) used as a mutex: one permit, one thread inside.
import { BoundedSemaphore, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private readonly permit = new BoundedSemaphore(1);

  async update(name: number): Promise<void> {
    await this.permit.acquire();
    try {
      const localCopy = this.value + 1;
      await sleep(name);
      this.value = localCopy;
    } finally {
      await this.permit.release();
    }
  }
}
