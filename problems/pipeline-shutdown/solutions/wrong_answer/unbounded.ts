// Wrong answer. Bug: an unbounded queue: the buffer holds more than capacity. (Red team, from the statement.)
import { Event, Queue } from 'interleave/sync';

// BUG (per the statement's set-up "a buffer of at most `capacity` messages"): the buffer is
// unbounded — the producer never waits for room, the consumer may fall arbitrarily behind.
const END = '\u0000END';

export class ShutdownPipeline {
  private q = new Queue<string>(); // capacity ignored
  constructor(capacity: number) {}

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) await this.q.put(nextMessage());
    await this.q.put(END);
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (let m = await this.q.get(); m !== END; m = await this.q.get()) store(m);
  }
}
