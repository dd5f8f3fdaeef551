// Accepted. Style: one Condition, a `while` loop around wait(), notifyAll(). The state is
// how many numbers have been printed so far: the i-th zero goes at position 2i - 2 of the
// output and the number i at position 2i - 1, so each thread waits for its own position.
import { Condition } from 'interleave/sync';

export class ZeroEvenOdd {
  private readonly condition = new Condition();
  private printed = 0;

  constructor(private readonly n: number) {}

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await this.condition.acquire();
      try {
        while (this.printed !== 2 * i - 2) {
          await this.condition.wait();
        }
        printNumber(0);
        this.printed++;
        await this.condition.notifyAll();
      } finally {
        await this.condition.release();
      }
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await this.printAfterItsZero(i, printNumber);
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.printAfterItsZero(i, printNumber);
    }
  }

  /** Number i comes right after the i-th zero, at position 2i - 1 of the output. */
  private async printAfterItsZero(i: number, printNumber: (x: number) => void): Promise<void> {
    await this.condition.acquire();
    try {
      while (this.printed !== 2 * i - 1) {
        await this.condition.wait();
      }
      printNumber(i);
      this.printed++;
      await this.condition.notifyAll();
    } finally {
      await this.condition.release();
    }
  }
}
