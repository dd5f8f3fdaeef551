// Deadlock. Style: counting semaphores plus a mutex, with the mutex taken first.
// Bug: a producer takes the mutex and then waits for a free slot while holding it; the
// consumer that would free a slot needs the mutex first. (The consumer side has the same bug
// when the buffer is empty: it waits for a message while holding the mutex.)
// Exposed by: the buffer is full (the consumer paused), a producer takes the mutex and blocks
// on freeSlots; the consumer then blocks on the mutex. Or the consumer comes first, takes the
// mutex and blocks on filledSlots; every producer blocks on the mutex. The semaphores keep
// the buffer right, so nothing wrong is delivered before.
import { Lock, Semaphore } from 'interleave/sync';

export class Pipeline {
  private readonly buffer: string[] = [];
  private readonly mutex = new Lock();
  private readonly freeSlots: Semaphore;
  private readonly filledSlots = new Semaphore(0);

  constructor(capacity: number) {
    this.freeSlots = new Semaphore(capacity);
  }

  async setMessage(message: string): Promise<void> {
    await this.mutex.acquire();
    await this.freeSlots.acquire(); // waits with the mutex held
    this.buffer.push(message);
    await this.mutex.release();
    await this.filledSlots.release();
  }

  async getMessage(): Promise<string> {
    await this.mutex.acquire();
    await this.filledSlots.acquire(); // waits with the mutex held
    const message = this.buffer.shift()!;
    await this.mutex.release();
    await this.freeSlots.release();
    return message;
  }
}
