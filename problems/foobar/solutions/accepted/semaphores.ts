// Accepted. Style: two semaphores passing the turn back and forth; foo's starts open.
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
    for (let i = 0; i < this.n; i++) {
      await this.barTurn.acquire();
      printBar();
      await this.fooTurn.release();
    }
  }
}
