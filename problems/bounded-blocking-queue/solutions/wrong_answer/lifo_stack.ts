// Wrong answer. Bug: pop() instead of shift(): the newest element leaves first (a stack).
import { Condition, Lock } from 'interleave/sync';

export class BoundedBlockingQueue {
  private readonly items: string[] = [];
  private readonly lock = new Lock();
  private readonly notFull = new Condition(this.lock);
  private readonly notEmpty = new Condition(this.lock);

  constructor(private readonly capacity: number) {}

  async enqueue(element: string): Promise<void> {
    await this.lock.acquire();
    while (this.items.length === this.capacity) await this.notFull.wait();
    this.items.push(element);
    await this.notEmpty.notify();
    await this.lock.release();
  }

  async dequeue(): Promise<string> {
    await this.lock.acquire();
    while (this.items.length === 0) await this.notEmpty.wait();
    const x = this.items.pop()!;
    await this.notFull.notify();
    await this.lock.release();
    return x;
  }

  size(): number {
    return this.items.length;
  }
}
