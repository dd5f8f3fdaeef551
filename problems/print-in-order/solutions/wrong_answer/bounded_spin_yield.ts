// Wrong answer. Style: Events, with third() polling instead of waiting: it checks the event
// up to ten times, yielding in between, and then prints anyway ("it will surely be set by then").
// Bug: ten yields promise nothing. No thread is guaranteed to run within any number of another
// thread's turns, so second() may not have printed when third() gives up.
// Exposed by: a schedule where third() keeps running on through its own yields while first()
// and second() are slow (the greedy strategy); every fair schedule hides it.
import { Event, yieldThread } from 'interleave/sync';

export class Foo {
  private readonly firstDone = new Event();
  private readonly secondDone = new Event();

  async first(printFirst: () => void): Promise<void> {
    printFirst();
    await this.firstDone.set();
  }

  async second(printSecond: () => void): Promise<void> {
    await this.firstDone.wait();
    printSecond();
    await this.secondDone.set();
  }

  async third(printThird: () => void): Promise<void> {
    for (let tries = 0; tries < 10 && !this.secondDone.isSet(); tries++) {
      await yieldThread();
    }
    printThird();
  }
}
