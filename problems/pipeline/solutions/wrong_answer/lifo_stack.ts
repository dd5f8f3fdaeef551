// Wrong answer. Style: one Lock, two Conditions, `while` loops: the synchronization is right.
// Bug: the buffer is used as a stack: getMessage() takes the newest message with pop() instead
// of the oldest with shift().
// Exposed by (capacity >= 2): a producer sets "m1" then "m2" before the consumer comes; the
// consumer gets "m2" first and "m1" after it, out of production order.
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
      const message = this.buffer.pop()!; // should be shift(): oldest first
      await this.notFull.notify();
      return message;
    } finally {
      await this.lock.release();
    }
  }
}
