// Time limit exceeded. Style: busy waiting on a shared counter with `await yieldThread()`.
// Bug: off by one in zero's target position: the i-th zero belongs at position 2i - 2 of the
// output (counting from 0), but zero waits for 2i, so it waits for 2 numbers before the first
// 0, and odd and even wait for zero.
// Exposed by: every run. Nobody ever prints; all three threads keep yielding, always
// runnable, until the step budget runs out (a livelock, not a deadlock).
import { yieldThread } from 'interleave/sync';

export class ZeroEvenOdd {
  private printed = 0;

  constructor(private readonly n: number) {}

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      while (this.printed !== 2 * i) { // should be 2 * i - 2
        await yieldThread();
      }
      printNumber(0);
      this.printed++;
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await this.printAt(2 * i - 1, i, printNumber);
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.printAt(2 * i - 1, i, printNumber);
    }
  }

  private async printAt(position: number, x: number, printNumber: (x: number) => void): Promise<void> {
    while (this.printed !== position) {
      await yieldThread();
    }
    printNumber(x);
    this.printed++;
  }
}
