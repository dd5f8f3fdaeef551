// Accepted. Style: one Condition guarding a turn flag, `while` loop around wait().
// notify() is enough here: the only thread that can be waiting is the other one.
import { Condition } from 'interleave/sync';

export class FooBar {
  private readonly condition = new Condition();
  private fooTurn = true;

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.condition.acquire();
      try {
        while (!this.fooTurn) {
          await this.condition.wait();
        }
        printFoo();
        this.fooTurn = false;
        await this.condition.notify();
      } finally {
        await this.condition.release();
      }
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.condition.acquire();
      try {
        while (this.fooTurn) {
          await this.condition.wait();
        }
        printBar();
        this.fooTurn = true;
        await this.condition.notify();
      } finally {
        await this.condition.release();
      }
    }
  }
}
