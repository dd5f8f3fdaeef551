// Wrong answer. Bug: `if` instead of `while` around wait(): a woken producer does not look again,
// and another producer may have filled the free slot first (or the wake-up was spurious).
import { Condition } from 'interleave/sync';

export class BoundedBlockingQueue {
  private readonly items: string[] = [];
  private readonly cond = new Condition();

  constructor(private readonly capacity: number) {}

  async enqueue(element: string): Promise<void> {
    await this.cond.acquire();
    if (this.items.length === this.capacity) await this.cond.wait();
    this.items.push(element);
    await this.cond.notifyAll();
    await this.cond.release();
  }

  async dequeue(): Promise<string> {
    await this.cond.acquire();
    if (this.items.length === 0) await this.cond.wait();
    const x = this.items.shift()!;
    await this.cond.notifyAll();
    await this.cond.release();
    return x;
  }

  size(): number {
    return this.items.length;
  }
}
