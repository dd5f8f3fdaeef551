// Deadlock. Style: Events for the order plus one Lock "to be safe" around every print.
// Bug: second() and third() wait for their Event while holding the Lock, and first() needs
// that Lock before it can print and set the Event the waiter needs.
// Exposed by: second() (or third()) acquires the Lock before first() does; it then waits for
// its Event forever, first() waits for the Lock forever, and so does the third thread. The
// order itself is always right, so nothing wrong is printed before the deadlock.
import { Event, Lock } from 'interleave/sync';

export class Foo {
  private readonly lock = new Lock();
  private readonly firstDone = new Event();
  private readonly secondDone = new Event();

  async first(printFirst: () => void): Promise<void> {
    await this.lock.acquire();
    try {
      printFirst();
      await this.firstDone.set();
    } finally {
      await this.lock.release();
    }
  }

  async second(printSecond: () => void): Promise<void> {
    await this.lock.acquire();
    try {
      await this.firstDone.wait(); // waits with the lock held
      printSecond();
      await this.secondDone.set();
    } finally {
      await this.lock.release();
    }
  }

  async third(printThird: () => void): Promise<void> {
    await this.lock.acquire();
    try {
      await this.secondDone.wait(); // waits with the lock held
      printThird();
    } finally {
      await this.lock.release();
    }
  }
}
