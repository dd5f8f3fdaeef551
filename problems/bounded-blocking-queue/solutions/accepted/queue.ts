// Accepted. Style: interleave/sync's own Queue(maxsize) does the waiting.
import { Queue } from 'interleave/sync';

export class BoundedBlockingQueue {
  private readonly q: Queue<string>;

  constructor(capacity: number) {
    this.q = new Queue<string>(capacity);
  }

  async enqueue(element: string): Promise<void> {
    await this.q.put(element);
  }

  dequeue(): Promise<string> {
    return this.q.get();
  }

  size(): number {
    return this.q.qsize();
  }
}
