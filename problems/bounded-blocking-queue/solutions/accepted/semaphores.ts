// Accepted. Style: counting semaphores for free slots and filled ones; with no await between
// reading and changing the array, the array needs no lock of its own.
import { Semaphore } from 'interleave/sync';

export class BoundedBlockingQueue {
  private readonly items: string[] = [];
  private readonly slots: Semaphore;
  private readonly filled = new Semaphore(0);

  constructor(capacity: number) {
    this.slots = new Semaphore(capacity);
  }

  async enqueue(element: string): Promise<void> {
    await this.slots.acquire();
    this.items.push(element);
    await this.filled.release();
  }

  async dequeue(): Promise<string> {
    await this.filled.acquire();
    const x = this.items.shift()!;
    await this.slots.release();
    return x;
  }

  async size(): Promise<number> {
    return this.items.length;
  }
}
