// Accepted. Style: a shared turn flag and busy waiting with `await yieldThread()`, where foo()
// takes a little (virtual) time before each of its steps with `await sleep(1)`. While foo()
// sleeps, bar() spins; its loop yields, and the sleep ends while it spins (time passes while
// threads run), so every wait ends and the words alternate: foo, bar, foo, bar, ...
import { sleep, yieldThread } from 'interleave/sync';

export class FooBar {
  private fooTurn = true;

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await sleep(1); // prepare the next "foo"
      while (!this.fooTurn) await yieldThread();
      printFoo();
      this.fooTurn = false;
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (this.fooTurn) await yieldThread();
      printBar();
      this.fooTurn = true;
    }
  }
}
