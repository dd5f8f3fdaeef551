// Accepted (red team). Polls a turn flag with exponential backoff (sleep doubling, capped), reset after
// each success. Never gives up.
import { sleep } from 'interleave/sync';

export class FooBar {
  constructor(n) {
    this.n = n;
    this.fooTurn = true;
  }

  async waitFor(pred) {
    let d = 1;
    while (!pred()) {
      await sleep(d);
      if (d < 128) d *= 2;
    }
  }

  async foo(printFoo) {
    for (let i = 0; i < this.n; i++) {
      await this.waitFor(() => this.fooTurn);
      printFoo();
      this.fooTurn = false;
    }
  }

  async bar(printBar) {
    for (let i = 0; i < this.n; i++) {
      await this.waitFor(() => !this.fooTurn);
      printBar();
      this.fooTurn = true;
    }
  }
}
