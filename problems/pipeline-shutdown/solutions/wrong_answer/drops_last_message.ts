// Wrong answer. Bug: the producer takes a message first and looks at the event after, dropping
// the message it already took when the event is set.
import { Event, Queue } from 'interleave/sync';

const END = '<end>';

export class ShutdownPipeline {
  private readonly q: Queue<string>;

  constructor(capacity: number) {
    this.q = new Queue<string>(capacity);
  }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    for (;;) {
      const m = nextMessage();
      if (event.isSet()) break;
      await this.q.put(m);
    }
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
