// Accepted. Style: a single Condition for both sides, waitFor(predicate) and notifyAll().
// With one Condition, notifyAll() is needed: notify() could wake a thread of the same side.
import { Condition } from 'interleave/sync';

export class Pipeline {
  private readonly buffer: string[] = [];
  private readonly condition = new Condition();

  constructor(private readonly capacity: number) {}

  async setMessage(message: string): Promise<void> {
    await this.condition.acquire();
    try {
      await this.condition.waitFor(() => this.buffer.length < this.capacity);
      this.buffer.push(message);
      await this.condition.notifyAll();
    } finally {
      await this.condition.release();
    }
  }

  async getMessage(): Promise<string> {
    await this.condition.acquire();
    try {
      await this.condition.waitFor(() => this.buffer.length > 0);
      const message = this.buffer.shift()!;
      await this.condition.notifyAll();
      return message;
    } finally {
      await this.condition.release();
    }
  }
}
