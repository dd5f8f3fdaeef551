// Accepted. Style: two Events that are set once and never cleared.
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
    await this.secondDone.wait();
    printThird();
  }
}
