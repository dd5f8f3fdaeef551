// Accepted. Style: semaphores for slots and items; the producer's last "item" is the news that it
// stopped, which the consumer recognises by an empty buffer once `finished` is true.
import { Event, Semaphore } from 'interleave/sync';

export class ShutdownPipeline {
  private readonly buffer: string[] = [];
  private readonly slots: Semaphore;
  private readonly items = new Semaphore(0);
  private finished = false;

  constructor(capacity: number) {
    this.slots = new Semaphore(capacity);
  }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) {
      const m = nextMessage();
      await this.slots.acquire();
      this.buffer.push(m);
      await this.items.release();
    }
    this.finished = true;
    await this.items.release();
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (;;) {
      await this.items.acquire();
      if (this.buffer.length === 0 && this.finished) return;
      store(this.buffer.shift()!);
      await this.slots.release();
    }
  }
}
