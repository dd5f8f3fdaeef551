// Accepted. Style: a Queue and a sentinel — when the event is set, the producer puts an end
// marker after its last message; the consumer stores until it gets the marker.
import { Event, Queue } from 'interleave/sync';

const END = '<end>';

export class ShutdownPipeline {
  private readonly q: Queue<string>;

  constructor(capacity: number) {
    this.q = new Queue<string>(capacity);
  }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) await this.q.put(nextMessage());
    await this.q.put(END);
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (;;) {
      const m = await this.q.get();
      if (m === END) return;
      store(m);
    }
  }
}
