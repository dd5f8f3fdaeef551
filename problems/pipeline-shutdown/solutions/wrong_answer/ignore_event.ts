// Wrong answer. Bug: takes a fixed number of messages whatever the event says. (Red team, from the statement.)
import { Event, Queue } from 'interleave/sync';

// BUG: the producer ignores the stop request: it always takes exactly 20 messages, whenever the
// event is set. Every message it took is stored, in order, and both threads return.
const END = '\u0000END';

export class ShutdownPipeline {
  private q: Queue<string>;
  constructor(capacity: number) { this.q = new Queue<string>(capacity); }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    for (let i = 0; i < 20; i++) await this.q.put(nextMessage());
    await this.q.put(END);
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (let m = await this.q.get(); m !== END; m = await this.q.get()) store(m);
  }
}
