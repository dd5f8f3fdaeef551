// Accepted. Style: the course's queue pipeline written the natural way: a bounded
// `Queue(capacity)` does all the waiting, and getMessage() simply returns `this.queue.get()`
// from an async method. JavaScript adopts a returned promise, so the caller receives the
// message itself (not the promise), once one is there; put() waits while the queue is full.
import { Queue } from 'interleave/sync';

export class Pipeline {
  private readonly queue: Queue<string>;

  constructor(capacity: number) {
    this.queue = new Queue<string>(capacity);
  }

  async setMessage(message: string): Promise<void> {
    await this.queue.put(message);
  }

  async getMessage(): Promise<string> {
    return this.queue.get();
  }
}
