// Accepted. Style: a buffer under one Condition with a `done` flag the producer sets (under the
// lock) after its last message; the consumer waits in a while loop for a message or the end.
import { Condition, Event } from 'interleave/sync';

export class ShutdownPipeline {
  private readonly buffer: string[] = [];
  private readonly cond = new Condition();
  private done = false;

  constructor(private readonly capacity: number) {}

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) {
      const m = nextMessage();
      await this.cond.acquire();
      while (this.buffer.length === this.capacity) await this.cond.wait();
      this.buffer.push(m);
      await this.cond.notifyAll();
      await this.cond.release();
    }
    await this.cond.acquire();
    this.done = true;
    await this.cond.notifyAll();
    await this.cond.release();
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    await this.cond.acquire();
    for (;;) {
      while (this.buffer.length === 0 && !this.done) await this.cond.wait();
      if (this.buffer.length === 0) break;
      store(this.buffer.shift()!);
      await this.cond.notifyAll();
    }
    await this.cond.release();
  }
}
