// Deadlock. Bug: the consumer waits for an end marker that the producer never sends: when the
// producer stops, the consumer is left waiting in get() for ever.
import { Event, Queue } from 'interleave/sync';

const END = '<end>';

export class ShutdownPipeline {
  private readonly q: Queue<string>;

  constructor(capacity: number) {
    this.q = new Queue<string>(capacity);
  }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) await this.q.put(nextMessage());
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (;;) {
      const m = await this.q.get();
      if (m === END) return;
      store(m);
    }
  }
}
