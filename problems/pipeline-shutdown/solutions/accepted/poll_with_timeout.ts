// Accepted. Style: the consumer polls with a timeout and stops once the event is set and the
// producer is done.
import { Event, Queue } from 'interleave/sync';

export class ShutdownPipeline {
  private readonly q: Queue<string>;
  private producing = true;

  constructor(capacity: number) {
    this.q = new Queue<string>(capacity);
  }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) await this.q.put(nextMessage());
    this.producing = false;
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (;;) {
      try {
        store(await this.q.get({ timeout: 5 }));
      } catch {
        if (!this.producing && this.q.empty()) return;
      }
    }
  }
}
