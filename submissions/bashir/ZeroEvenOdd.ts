// Accepted. Style: one semaphore per thread; zero's starts open. zero hands the turn to odd or
// even depending on the number that comes next; both hand it back to zero.
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
    for (let i = 2; i <= this.n; i += 2) {
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
