// Wrong answer. Style: one semaphore per thread.
// Bug: off by one in even's loop (`i < this.n` instead of `i <= this.n`): for an even n the
// last number is never printed. zero still prints its last 0, releases evenTurn that nobody
// takes, and every thread returns.
// Exposed by: every run with an even n; n = 2 prints "010" instead of "0102". (Odd n pass.)
import { Semaphore } from 'interleave/sync';

export class ZeroEvenOdd {
  private readonly zeroTurn = new Semaphore(1);
  private readonly oddTurn = new Semaphore(0);
  private readonly evenTurn = new Semaphore(0);

  constructor(private readonly n: number) {}

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await this.zeroTurn.acquire();
      printNumber(0);
      await (i % 2 === 1 ? this.oddTurn : this.evenTurn).release();
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let i = 2; i < this.n; i += 2) { // should be i <= this.n
      await this.evenTurn.acquire();
      printNumber(i);
      await this.zeroTurn.release();
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.oddTurn.acquire();
      printNumber(i);
      await this.zeroTurn.release();
    }
  }
}
