// Wrong answer. Bug: takes a message before it first looks at the event. (Red team, from the statement.)
import { Event, Queue } from 'interleave/sync';

// BUG: a do/while producer: it takes one message before looking at the event, so when the event
// is set before the first message (or while it waits in put) it still takes one more message
// after the stop request. The consumer side is correct (a sentinel).
const END = '\u0000END';

export class ShutdownPipeline {
  private q: Queue<string>;
  constructor(capacity: number) { this.q = new Queue<string>(capacity); }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    do {
      await this.q.put(nextMessage());
    } while (!event.isSet());
    await this.q.put(END);
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (let m = await this.q.get(); m !== END; m = await this.q.get()) store(m);
  }
}
