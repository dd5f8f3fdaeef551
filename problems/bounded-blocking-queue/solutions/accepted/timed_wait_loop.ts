// Accepted. Style: timed Condition waits in while loops. Written from the statement alone (red team).
import { Condition } from 'interleave/sync';

// One Condition, notifyAll, and timed waits in the while loops (a timeout just re-checks).
export class BoundedBlockingQueue {
  private cond = new Condition();
  private buf: string[] = [];
  constructor(private readonly capacity: number) {}

  async enqueue(element: string): Promise<void> {
    await this.cond.acquire();
    while (this.buf.length >= this.capacity) await this.cond.wait(10);
    this.buf.push(element);
    await this.cond.notifyAll();
    await this.cond.release();
  }

  async dequeue(): Promise<string> {
    await this.cond.acquire();
    while (this.buf.length === 0) await this.cond.wait(10);
    const x = this.buf.shift()!;
    await this.cond.notifyAll();
    await this.cond.release();
    return x;
  }

  size(): number { return this.buf.length; }
}
