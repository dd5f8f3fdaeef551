// Wrong answer. Style: Events.
// Bug: copy-paste slip, third() waits for `firstDone` instead of `secondDone`, so once "first"
// is printed second() and third() race.
// Exposed by: first() runs and sets firstDone, then third() wakes and prints before second()
// does: "firstthird...".
import { Event } from 'interleave/sync';

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
    await this.firstDone.wait(); // should be this.secondDone
    printThird();
  }
}
