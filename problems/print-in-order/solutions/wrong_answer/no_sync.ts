// Wrong answer. Style: no synchronization at all.
// Bug: each method prints as soon as its thread runs, so the output follows the start order.
// Exposed by: any start order other than first, second, third, e.g. [3, 1, 2] prints
// "third" first.
export class Foo {
  async first(printFirst: () => void): Promise<void> {
    printFirst();
  }

  async second(printSecond: () => void): Promise<void> {
    printSecond();
  }

  async third(printThird: () => void): Promise<void> {
    printThird();
  }
}
