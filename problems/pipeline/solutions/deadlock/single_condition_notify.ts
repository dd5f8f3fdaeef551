// Deadlock. Style: a single Condition for both sides, `while` loops (so the buffer is always
// right), but notify() instead of notifyAll().
// Bug: producers and consumers wait on the same Condition, and notify() wakes any one waiter,
// possibly one of the same side, which re-checks and waits again: the wake-up is lost.
// Exposed by (capacity 1, two consumers): C1 and C2 wait on an empty buffer; the producer adds
// m1 and wakes C1, then finds the buffer full and waits; C1 takes m1 and its notify() wakes
// C2 instead of the producer; C2 finds the buffer empty and waits; C1 returns (or calls
// getMessage() again and waits too). Everybody left waits, and nobody will notify.
import { Condition } from 'interleave/sync';

export class Pipeline {
  private readonly buffer: string[] = [];
  private readonly condition = new Condition();

  constructor(private readonly capacity: number) {}

  async setMessage(message: string): Promise<void> {
    await this.condition.acquire();
    try {
      while (this.buffer.length >= this.capacity) {
        await this.condition.wait();
      }
      this.buffer.push(message);
      await this.condition.notify(); // should be notifyAll()
    } finally {
      await this.condition.release();
    }
  }

  async getMessage(): Promise<string> {
    await this.condition.acquire();
    try {
      while (this.buffer.length === 0) {
        await this.condition.wait();
      }
      const message = this.buffer.shift()!;
      await this.condition.notify(); // should be notifyAll()
      return message;
    } finally {
      await this.condition.release();
    }
  }
}
