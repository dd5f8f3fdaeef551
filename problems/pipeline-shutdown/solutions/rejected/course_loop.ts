// Rejected (DL or WA, by the moment the event comes). The course's own loop: the consumer goes on
// while the event is not set or the queue is not empty — and may already be waiting in get() on
// an empty queue when the event is set (DL), or see "set and empty" just before the producer puts
// its last message (WA: never stored).
import { Event, Queue } from 'interleave/sync';

export class ShutdownPipeline {
  private readonly q: Queue<string>;

  constructor(capacity: number) {
    this.q = new Queue<string>(capacity);
  }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) await this.q.put(nextMessage());
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    while (!event.isSet() || !this.q.empty()) store(await this.q.get());
  }
}
