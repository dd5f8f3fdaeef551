// Accepted. Style: two Events, the course's idea with the race fixed: each side clears its
// own Event *before* setting the other's. Only foo clears fooReady and only bar clears
// barReady, so no set() can be wiped out by the other thread's clear().
import { Event } from 'interleave/sync';

export class FooBar {
  private readonly fooReady = new Event();
  private readonly barReady = new Event();

  constructor(private readonly n: number) {
    void this.fooReady.set(); // foo goes first
  }

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.fooReady.wait();
      await this.fooReady.clear();
      printFoo();
      await this.barReady.set();
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.barReady.wait();
      await this.barReady.clear();
      printBar();
      await this.fooReady.set();
    }
  }
}
