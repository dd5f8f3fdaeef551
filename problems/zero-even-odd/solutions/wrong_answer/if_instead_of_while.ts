// Wrong answer. Style: one Condition with notifyAll(), but `if` instead of `while`.
// Bug: a woken thread does not re-check whose turn it is. notifyAll() wakes odd *and* even,
// and a spurious wake-up can wake either at any time.
// Exposed by (n >= 2): odd and even both wait; zero prints 0, sets the turn to odd and
// notifies all; even re-takes the lock first and prints 2 right after the first 0.
// Before any wrong wake-up it behaves exactly as the correct version, so it cannot deadlock.
import { Condition } from 'interleave/sync';

type Turn = 'zero' | 'odd' | 'even';

export class ZeroEvenOdd {
  private readonly condition = new Condition();
  private turn: Turn = 'zero';

  constructor(private readonly n: number) {}

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await this.condition.acquire();
      try {
        if (this.turn !== 'zero') {
          await this.condition.wait(); // should be: while
        }
        printNumber(0);
        this.turn = i % 2 === 1 ? 'odd' : 'even';
        await this.condition.notifyAll();
      } finally {
        await this.condition.release();
      }
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await this.printWhenTurn('even', i, printNumber);
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.printWhenTurn('odd', i, printNumber);
    }
  }

  private async printWhenTurn(turn: Turn, i: number, printNumber: (x: number) => void): Promise<void> {
    await this.condition.acquire();
    try {
      if (this.turn !== turn) {
        await this.condition.wait(); // should be: while
      }
      printNumber(i);
      this.turn = 'zero';
      await this.condition.notifyAll();
    } finally {
      await this.condition.release();
    }
  }
}
