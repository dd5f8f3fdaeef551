// Accepted. Style: one Lock shared by two Conditions (notFull, notEmpty), `while` loops around
// wait(), notify() on the other side's Condition: how Python's queue.Queue is built.
// notify() is enough: a producer only ever waits on notFull, a consumer only on notEmpty, and
// a woken thread that finds its slot taken simply waits again.
import { Condition, Lock } from 'interleave/sync';

export class Pipeline {
  private readonly buffer: string[] = [];
  private readonly lock = new Lock();
  private readonly notFull = new Condition(this.lock);
  private readonly notEmpty = new Condition(this.lock);

  constructor(private readonly capacity: number) {}

  async setMessage(message: string): Promise<void> {
    await this.lock.acquire();
    try {
      while (this.buffer.length >= this.capacity) {
        await this.notFull.wait();
      }
      this.buffer.push(message);
      await this.notEmpty.notify();
    } finally {
      await this.lock.release();
    }
  }

  async getMessage(): Promise<string> {
    await this.lock.acquire();
    try {
      while (this.buffer.length === 0) {
        await this.notEmpty.wait();
      }
      const message = this.buffer.shift()!;
      await this.notFull.notify();
      return message;
    } finally {
      await this.lock.release();
    }
  }
}
