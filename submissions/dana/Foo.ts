// Run-time error. Style: one Condition, as the course's version.
// Bug: first() never waits, so the student thought it needs no lock, and calls notifyAll()
// without holding the Condition's lock. Python raises "cannot notify on un-acquired lock";
// so does interleave.
// Exposed by: every run, as soon as first() runs: it prints "first" (a correct prefix) and its
// notifyAll() throws. second() and third() wait correctly, so nothing wrong is printed before.
import { Condition } from 'interleave/sync';

export class Foo {
  private readonly condition = new Condition();
  private firstCalled = false;
  private secondCalled = false;

  async first(printFirst: () => void): Promise<void> {
    printFirst();
    this.firstCalled = true;
    await this.condition.notifyAll(); // the lock is not held here
  }

  async second(printSecond: () => void): Promise<void> {
    await this.condition.acquire();
    try {
      while (!this.firstCalled) {
        await this.condition.wait();
      }
      printSecond();
      this.secondCalled = true;
      await this.condition.notifyAll();
    } finally {
      await this.condition.release();
    }
  }

  async third(printThird: () => void): Promise<void> {
    await this.condition.acquire();
    try {
      while (!this.secondCalled) {
        await this.condition.wait();
      }
      printThird();
    } finally {
      await this.condition.release();
    }
  }
}
