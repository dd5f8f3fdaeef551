// Wrong answer. Bug: takes one message and returns before the event is set. (Red team.)
import { Event, Queue } from 'interleave/sync';

// HOSTILE/LAZY: takes exactly one message, then stops without waiting for the event.
export class ShutdownPipeline {
  private q: Queue<string>;
  constructor(capacity: number) { this.q = new Queue<string>(capacity); }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    if (!event.isSet()) await this.q.put(nextMessage());
    await this.q.put('\u0000END');
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (let m = await this.q.get(); m !== '\u0000END'; m = await this.q.get()) store(m);
  }
}
