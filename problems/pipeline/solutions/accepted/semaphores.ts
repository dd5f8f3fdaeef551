// Accepted. Style: counting semaphores, the textbook bounded buffer: freeSlots starts at
// capacity, filledSlots at 0. No mutex is needed around the array: push() and shift() run
// without an await in between, so no other thread can interleave with them.
import { Semaphore } from 'interleave/sync';

export class Pipeline {
  private readonly buffer: string[] = [];
  private readonly freeSlots: Semaphore;
  private readonly filledSlots = new Semaphore(0);

  constructor(capacity: number) {
    this.freeSlots = new Semaphore(capacity);
  }

  async setMessage(message: string): Promise<void> {
    await this.freeSlots.acquire();
    this.buffer.push(message);
    await this.filledSlots.release();
  }

  async getMessage(): Promise<string> {
    await this.filledSlots.acquire();
    const message = this.buffer.shift()!;
    await this.freeSlots.release();
    return message;
  }
}
