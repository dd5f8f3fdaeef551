// Accepted. Style: .finally/.catch on queue operations. Written from the statement alone (red team).
import { Event, Lock, Queue } from 'interleave/sync';

// Correct sentinel pipeline that uses ordinary Promise methods on the primitives' operations:
// `.finally()` to release a lock and `.catch()` as a no-op guard. The d.ts says these operations
// are Promise<...>, so this type-checks.
const END = '\u0000END';

export class ShutdownPipeline {
  private q: Queue<string>;
  private stats = new Lock();
  private count = 0;
  constructor(capacity: number) { this.q = new Queue<string>(capacity); }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) {
      await this.q.put(nextMessage()).catch((e) => { throw e; });
    }
    await this.q.put(END);
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (;;) {
      const m = await this.q.get();
      if (m === END) return;
      store(m);
      await this.stats.acquire();
      await Promise.resolve(this.count++).finally(() => this.stats.release());
    }
  }
}
