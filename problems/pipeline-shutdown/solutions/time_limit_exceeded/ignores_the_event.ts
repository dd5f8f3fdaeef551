// Time limit exceeded. Bug: the producer never looks at the event and produces for ever.
import { Event, Queue } from 'interleave/sync';

export class ShutdownPipeline {
  private readonly q: Queue<string>;

  constructor(capacity: number) {
    this.q = new Queue<string>(capacity);
  }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    for (;;) await this.q.put(nextMessage());
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (;;) store(await this.q.get());
  }
}
