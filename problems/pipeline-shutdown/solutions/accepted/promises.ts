// Accepted. Style: bare promises — a hand-made channel: the consumer parks a resolver while the
// buffer is empty and the producer is not finished; the producer parks one while it is full.
import { Event } from 'interleave/sync';

export class ShutdownPipeline {
  private readonly buffer: string[] = [];
  private finished = false;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducer: (() => void) | null = null;

  constructor(private readonly capacity: number) {}

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    while (!event.isSet()) {
      const m = nextMessage();
      while (this.buffer.length === this.capacity) await new Promise<void>((r) => (this.wakeProducer = r));
      this.buffer.push(m);
      this.wakeConsumer?.();
    }
    this.finished = true;
    this.wakeConsumer?.();
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (;;) {
      while (this.buffer.length === 0 && !this.finished) await new Promise<void>((r) => (this.wakeConsumer = r));
      if (this.buffer.length === 0) return;
      store(this.buffer.shift()!);
      this.wakeProducer?.();
    }
  }
}
