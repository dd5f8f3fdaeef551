// Accepted. Style: two Locks, the course's first Python `Pipeline` translated faithfully.
// It holds a single message, which fits any capacity >= 1: producerLock is free when the slot
// may be written, consumerLock when it may be read; each side releases the *other* side's lock
// (allowed: a Lock, as in Python, is not owned). Producers queue up on producerLock, consumers
// on consumerLock, so several of each work too.
import { Lock } from 'interleave/sync';

export class Pipeline {
  private message = '';
  private readonly producerLock = new Lock();
  private readonly consumerLock = new Lock();

  // The course's version ignores the capacity: it holds one message at a time.
  constructor(_capacity: number) {
    void this.consumerLock.acquire(); // nothing to read yet
  }

  async getMessage(): Promise<string> {
    await this.consumerLock.acquire();
    const message = this.message;
    await this.producerLock.release();
    return message;
  }

  async setMessage(message: string): Promise<void> {
    await this.producerLock.acquire();
    this.message = message;
    await this.consumerLock.release();
  }
}
