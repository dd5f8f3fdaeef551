// Wrong answer. Style: one Lock, two Conditions, notify() on the other side; getMessage()
// waits in a `while` loop, but setMessage() uses `if`.
// Bug: a producer woken by a consumer's notify() (or spuriously) does not re-check: it adds
// its message even if another producer filled the freed slot first, so the buffer holds
// capacity + 1 messages.
// Exposed by (two producers): the buffer is full and P2 waits on notFull; a consumer takes one
// message and notifies P2; before P2 re-takes the lock, P1 takes it, finds room and adds a
// message; P2 then adds without re-checking: capacity + 1 held when P2's setMessage returns.
// An overfull buffer only delays producers, so it cannot deadlock.
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
      if (this.buffer.length >= this.capacity) {
        await this.notFull.wait(); // should be: while
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
