// Time limit exceeded. Style: busy waiting on a counter with `await yieldThread()`.
// Bug: off by one, third() waits for `printed === 3` but only two prints come before it, so
// the counter never gets there.
// Exposed by: every run. first() and second() print and return ("firstsecond" is a correct
// prefix); third() keeps yielding forever, always runnable, until the step budget runs out
// (a livelock, not a deadlock).
import { yieldThread } from 'interleave/sync';

export class Foo {
  private printed = 0;

  async first(printFirst: () => void): Promise<void> {
    printFirst();
    this.printed = 1;
  }

  async second(printSecond: () => void): Promise<void> {
    while (this.printed !== 1) {
      await yieldThread();
    }
    printSecond();
    this.printed = 2;
  }

  async third(printThird: () => void): Promise<void> {
    while (this.printed !== 3) { // should be 2
      await yieldThread();
    }
    printThird();
  }
}
