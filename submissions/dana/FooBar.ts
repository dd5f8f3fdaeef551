// Time limit exceeded. Style: busy waiting on two ready flags with `await yieldThread()`.
// Bug: nobody gives foo the first turn (`fooReady` should start true), so each thread waits
// for the other one forever.
// Exposed by: every run. Both threads keep yielding, always runnable, printing nothing,
// until the step budget runs out (a livelock, not a deadlock).
import { yieldThread } from 'interleave/sync';

export class FooBar {
  private fooReady = false; // should be true: foo goes first
  private barReady = false;

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (!this.fooReady) {
        await yieldThread();
      }
      this.fooReady = false;
      printFoo();
      this.barReady = true;
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (!this.barReady) {
        await yieldThread();
      }
      this.barReady = false;
      printBar();
      this.fooReady = true;
    }
  }
}
