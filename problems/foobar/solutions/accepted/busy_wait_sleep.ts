// Accepted. Style: busy waiting on a turn flag, sleeping 1 ms of virtual time in every turn of
// the loop so the other thread can run.
import { sleep } from 'interleave/sync';

export class FooBar {
  private fooTurn = true;

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (!this.fooTurn) {
        await sleep(1);
      }
      printFoo();
      this.fooTurn = false;
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (this.fooTurn) {
        await sleep(1);
      }
      printBar();
      this.fooTurn = true;
    }
  }
}
