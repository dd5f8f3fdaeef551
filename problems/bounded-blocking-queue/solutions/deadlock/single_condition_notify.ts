// Deadlock. Bug: producers and consumers wait on one Condition and notify() wakes just one
// waiter — possibly of the same side, which goes back to sleep: the wake-up is lost.
import { Condition } from 'interleave/sync';

export class BoundedBlockingQueue {
  private readonly items: string[] = [];
  private readonly cond = new Condition();

  constructor(private readonly capacity: number) {}

  async enqueue(element: string): Promise<void> {
    await this.cond.acquire();
    while (this.items.length === this.capacity) await this.cond.wait();
    this.items.push(element);
    await this.cond.notify();
    await this.cond.release();
  }

  async dequeue(): Promise<string> {
    await this.cond.acquire();
    while (this.items.length === 0) await this.cond.wait();
    const x = this.items.shift()!;
    await this.cond.notify();
    await this.cond.release();
    return x;
  }

  size(): number {
    return this.items.length;
  }
}
