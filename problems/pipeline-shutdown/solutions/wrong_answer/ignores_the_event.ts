// Wrong answer. Bug: the producer never looks at the event: the first message it takes after the
// harness set the event is wrong at once (before, it produced for ever: a time limit).
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
