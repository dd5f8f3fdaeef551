// Accepted. Style: busy waiting on a counter, yielding in every turn of the loop with
// `await yieldThread()` so the other threads can run. Wasteful, but correct.
import { yieldThread } from 'interleave/sync';

export class Foo {
  private printed = 0;

  async first(printFirst: () => void): Promise<void> {
    printFirst();
    this.printed = 1;
  }

  async second(printSecond: () => void): Promise<void> {
    while (this.printed < 1) {
      await yieldThread();
    }
    printSecond();
    this.printed = 2;
  }

  async third(printThird: () => void): Promise<void> {
    while (this.printed < 2) {
      await yieldThread();
    }
    printThird();
  }
}
