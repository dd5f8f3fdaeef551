// Accepted. Style: one Condition with two flags and notifyAll(), the course's Python `Foo`
// translated faithfully (`with self._condition:` becomes acquire / try / finally release).
// Each waiter re-checks its flag in a `while` loop, so spurious wake-ups are harmless.
import { Condition } from 'interleave/sync';

export class Foo {
  private readonly condition = new Condition();
  private firstCalled = false;
  private secondCalled = false;

  async first(printFirst: () => void): Promise<void> {
    await this.condition.acquire();
    try {
      printFirst();
      this.firstCalled = true;
      await this.condition.notifyAll();
    } finally {
      await this.condition.release();
    }
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
