// Time limit exceeded. Style: a Lock and busy waiting with `await yieldThread()`.
// Bug: the thread spins *inside* the lock: a consumer that finds the buffer empty keeps the
// lock while it yields, so no producer can ever get in to add a message (and a producer
// spinning on a full buffer locks out every consumer).
// Exposed by: a consumer takes the lock while the buffer is empty (for instance, it starts
// first). It yields forever, always runnable, while the producers wait for the lock; the
// step budget runs out (a livelock, not a deadlock).
import { Lock, yieldThread } from 'interleave/sync';

export class Pipeline {
  private readonly buffer: string[] = [];
  private readonly lock = new Lock();

  constructor(private readonly capacity: number) {}

  async setMessage(message: string): Promise<void> {
    await this.lock.acquire();
    try {
      while (this.buffer.length >= this.capacity) {
        await yieldThread(); // still holding the lock
      }
      this.buffer.push(message);
    } finally {
      await this.lock.release();
    }
  }

  async getMessage(): Promise<string> {
    await this.lock.acquire();
    try {
      while (this.buffer.length === 0) {
        await yieldThread(); // still holding the lock
      }
      return this.buffer.shift()!;
    } finally {
      await this.lock.release();
    }
  }
}
