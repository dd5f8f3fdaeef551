// Accepted. Style: Condition.waitFor(predicate), which re-checks the predicate after every
// wake-up, with a counter of printed words as the shared state.
import { Condition } from 'interleave/sync';

export class FooBar {
  private readonly condition = new Condition();
  private printed = 0; // even: foo's turn, odd: bar's turn

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.condition.acquire();
      try {
        await this.condition.waitFor(() => this.printed % 2 === 0);
        printFoo();
        this.printed++;
        await this.condition.notifyAll();
      } finally {
        await this.condition.release();
      }
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.condition.acquire();
      try {
        await this.condition.waitFor(() => this.printed % 2 === 1);
        printBar();
        this.printed++;
        await this.condition.notifyAll();
      } finally {
        await this.condition.release();
      }
    }
  }
}
