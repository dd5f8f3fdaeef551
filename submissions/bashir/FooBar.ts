// Deadlock. Style: two Events, the course's Python `FooBar` translated faithfully.
// Bug: each side sets the other's Event and only *then* clears its own. If the other thread
// runs in between, its set() of our Event is wiped out by our late clear().
// Exposed by (n >= 2): foo prints "foo" and sets events[0]; before foo clears events[1], bar
// wakes, prints "bar", sets events[1] (already set) and clears events[0]; then foo clears
// events[1]. Now both Events are clear: foo waits on events[1], bar on events[0], forever.
// The output so far ("foobar") is a correct prefix: the words always alternate.
import { Event } from 'interleave/sync';

export class FooBar {
  private readonly events: [Event, Event] = [new Event(), new Event()];

  constructor(private readonly n: number) {
    void this.events[1].set();
  }

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.events[1].wait();
      // printFoo() outputs "foo". Do not change or remove this line.
      printFoo();
      await this.events[0].set();
      await this.events[1].clear();
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.events[0].wait();
      // printBar() outputs "bar". Do not change or remove this line.
      printBar();
      await this.events[1].set();
      await this.events[0].clear();
    }
  }
}
