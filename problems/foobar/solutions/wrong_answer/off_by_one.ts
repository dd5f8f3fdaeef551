// Wrong answer. Style: two turn semaphores.
// Bug: off by one in bar's loop (`i < this.n - 1`), so bar prints n - 1 times. foo still gets
// its n-th turn from bar's last release, prints, and both threads return.
// Exposed by: every run; the output ends "...foobarfoo", one "bar" short.
import { Semaphore } from 'interleave/sync';

export class FooBar {
  private readonly fooTurn = new Semaphore(1);
  private readonly barTurn = new Semaphore(0);

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.fooTurn.acquire();
      printFoo();
      await this.barTurn.release();
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n - 1; i++) { // should be i < this.n
      await this.barTurn.acquire();
      printBar();
      await this.fooTurn.release();
    }
  }
}
