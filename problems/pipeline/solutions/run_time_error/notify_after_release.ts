// Run-time error. Style: a single Condition with waitFor(), notifying after unlocking.
// Bug: notifyAll() is called after the lock was released ("signal after unlock", which
// pthreads allows). Python's Condition refuses: "cannot notify on un-acquired lock"; so does
// interleave.
// Exposed by: every run. The first thread out of its critical section (the first producer, or
// a consumer that took its message in the meantime) calls notifyAll() without the lock, and it
// throws. Everything before it was correct.
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
    } finally {
      await this.condition.release();
    }
    await this.condition.notifyAll(); // the lock is no longer held
  }

  async getMessage(): Promise<string> {
    let message: string;
    await this.condition.acquire();
    try {
      await this.condition.waitFor(() => this.buffer.length > 0);
      message = this.buffer.shift()!;
    } finally {
      await this.condition.release();
    }
    await this.condition.notifyAll(); // the lock is no longer held
    return message;
  }
}
