// Run-time error. Style: two turn semaphores, made "safe" with BoundedSemaphore.
// Bug: `new BoundedSemaphore(0)` may never go above 0, so the first release() of barTurn is
// refused ("semaphore released too many times"), as in Python.
// Exposed by: every run. foo takes its permit, prints "foo" (a correct prefix) and its
// barTurn.release() throws; bar is still waiting and has printed nothing.
import { BoundedSemaphore } from 'interleave/sync';

export class FooBar {
  private readonly fooTurn = new BoundedSemaphore(1);
  private readonly barTurn = new BoundedSemaphore(0); // can never be released

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
