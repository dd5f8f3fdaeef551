// Wrong answer. Style: two turn semaphores.
// Bug: `new Semaphore()` was meant as a closed semaphore, but its default value is 1 (as in
// Python), so bar has a permit from the start.
// Exposed by: bar starts before foo's first print and prints "bar" first. (Also: foo prints,
// then bar prints twice in a row with its two permits.)
import { Semaphore } from 'interleave/sync';

export class FooBar {
  private readonly fooTurn = new Semaphore(1);
  private readonly barTurn = new Semaphore(); // meant: new Semaphore(0)

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.fooTurn.acquire();
      printFoo();
      await this.barTurn.release();
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.barTurn.acquire();
      printBar();
      await this.fooTurn.release();
    }
  }
}
