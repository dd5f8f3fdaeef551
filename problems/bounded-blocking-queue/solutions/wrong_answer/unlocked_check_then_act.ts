// Wrong answer. Bug: the producer checks for room, then yields while "preparing" before it
// pushes; another producer passes the same check meanwhile and the queue overfills.
import { sleep } from 'interleave/sync';

export class BoundedBlockingQueue {
  private readonly items: string[] = [];

  constructor(private readonly capacity: number) {}

  async enqueue(element: string): Promise<void> {
    while (this.items.length >= this.capacity) await sleep(1);
    await sleep(1);
    this.items.push(element);
  }

  async dequeue(): Promise<string> {
    while (this.items.length === 0) await sleep(1);
    return this.items.shift()!;
  }

  size(): number {
    return this.items.length;
  }
}
