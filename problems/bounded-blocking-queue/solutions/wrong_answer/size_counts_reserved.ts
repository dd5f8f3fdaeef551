// Wrong answer. Bug: size() counts a producer's reserved slot before its element is in: right in
// number, wrong in order (only a linearizability check sees it). Red team, from the statement.
import { Lock, Semaphore } from 'interleave/sync';

// SUBTLE BUG: the semaphore queue, but size() is computed from the free-slot semaphore
// (capacity - free slots). That counts producers that reserved a slot but have not put their
// element in yet: size() says 1 while the queue is empty.
export class BoundedBlockingQueue {
  private slots: Semaphore;
  private items = new Semaphore(0);
  private mutex = new Lock();
  private buf: string[] = [];

  constructor(private readonly capacity: number) {
    this.slots = new Semaphore(capacity);
  }

  async enqueue(element: string): Promise<void> {
    await this.slots.acquire();
    await this.mutex.acquire();
    this.buf.push(element);
    await this.mutex.release();
    await this.items.release();
  }

  async dequeue(): Promise<string> {
    await this.items.acquire();
    await this.mutex.acquire();
    const x = this.buf.shift()!;
    await this.mutex.release();
    await this.slots.release();
    return x;
  }

  size(): number {
    return this.capacity - this.slots.available;
  }
}
