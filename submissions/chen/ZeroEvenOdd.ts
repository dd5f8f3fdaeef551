// Deadlock. Style: one Condition, `while` loops (so the output is always right), but
// notify() instead of notifyAll().
// Bug: notify() wakes one waiter, and which one is not promised. When odd and even both wait,
// zero's notify() may wake the one whose turn it is *not*; that thread re-checks, waits again,
// and the right one is never woken.
// Exposed by (n >= 2): odd and even both wait; zero prints 0, sets the turn to odd and its
// notify() wakes even; even waits again; zero waits for its next turn. All three wait, forever.
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
        while (this.turn !== 'zero') {
          await this.condition.wait();
        }
        printNumber(0);
        this.turn = i % 2 === 1 ? 'odd' : 'even';
        await this.condition.notify(); // should be notifyAll()
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
      while (this.turn !== turn) {
        await this.condition.wait();
      }
      printNumber(i);
      this.turn = 'zero';
      await this.condition.notify(); // should be notifyAll()
    } finally {
      await this.condition.release();
    }
  }
}
