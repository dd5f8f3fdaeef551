// Accepted. Style: one Condition with waitFor(predicate) and notifyAll(), the course's Python
// `ZeroEvenOdd` translated faithfully. `order` says whose turn it is: 0 zero, 1 odd, 2 even.
import { Condition } from 'interleave/sync';

export class ZeroEvenOdd {
  private readonly condition = new Condition();
  private order = 0;

  constructor(private readonly n: number) {}

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.condition.acquire();
      try {
        await this.condition.waitFor(() => this.order === 0);
        printNumber(0);
        this.order = i % 2 === 0 ? 1 : 2;
        await this.condition.notifyAll();
      } finally {
        await this.condition.release();
      }
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await this.condition.acquire();
      try {
        await this.condition.waitFor(() => this.order === 2);
        printNumber(i);
        this.order = 0;
        await this.condition.notifyAll();
      } finally {
        await this.condition.release();
      }
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.condition.acquire();
      try {
        await this.condition.waitFor(() => this.order === 1);
        printNumber(i);
        this.order = 0;
        await this.condition.notifyAll();
      } finally {
        await this.condition.release();
      }
    }
  }
}
