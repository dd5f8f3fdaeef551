// Wrong answer (red team). Exposed by the greedy schedule (bar runs on through its yields). bar waits at most 20 yields for foo, then goes on anyway.
import { yieldThread } from 'interleave/sync';

export class FooBar {
  constructor(n) {
    this.n = n;
    this.fooTurn = true;
  }

  async foo(printFoo) {
    for (let i = 0; i < this.n; i++) {
      while (!this.fooTurn) await yieldThread();
      printFoo();
      this.fooTurn = false;
    }
  }

  async bar(printBar) {
    for (let i = 0; i < this.n; i++) {
      for (let k = 0; k < 20 && this.fooTurn; k++) await yieldThread();
      printBar();
      this.fooTurn = true;
    }
  }
}
