// Wrong answer. Bug: the count is raised before the element is in the queue. Red team, from the statement.
import { Condition } from 'interleave/sync';

// SUBTLE BUG: a separate `count` used by size() is bumped before the producer waits for room
// (a "queued" counter that students think of as the size): size() counts producers still
// waiting to put their element in — exactly what the statement says not to count.
export class BoundedBlockingQueue {
  private cond = new Condition();
  private buf: string[] = [];
  private count = 0;
  constructor(private readonly capacity: number) {}

  async enqueue(element: string): Promise<void> {
    this.count++;
    await this.cond.acquire();
    while (this.buf.length >= this.capacity) await this.cond.wait();
    this.buf.push(element);
    await this.cond.notifyAll();
    await this.cond.release();
  }

  async dequeue(): Promise<string> {
    await this.cond.acquire();
    while (this.buf.length === 0) await this.cond.wait();
    const x = this.buf.shift()!;
    this.count--;
    await this.cond.notifyAll();
    await this.cond.release();
    return x;
  }

  size(): number { return Math.min(this.count, this.capacity); }
}
