// Time limit exceeded. Style: busy waiting with `await Promise.resolve()` while the other
// thread sleeps. Awaiting an already-resolved promise runs the rest of the loop as a microtask:
// no timer can fire and no other thread runs in between (in Node this loop starves setTimeout
// for ever). foo() sleeps before its first word, bar() spins, and the sleep never ends.
import { sleep } from 'interleave/sync';

export class FooBar {
  private fooTurn = true;

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await sleep(1);
      while (!this.fooTurn) await Promise.resolve();
      printFoo();
      this.fooTurn = false;
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (this.fooTurn) await Promise.resolve();
      printBar();
      this.fooTurn = true;
    }
  }
}
