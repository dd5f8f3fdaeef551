// Accepted. Style: interleave's thread-safe Queue with maxsize = capacity, the course's last
// `Pipeline(queue.Queue)`: put() waits while full, get() while empty, first in first out.
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
    return await this.queue.get();
  }
}
