import { Condition, Semaphore } from 'interleave/sync';

export class FooBar {
  private readonly n: number;

  constructor(n: number) {
    this.n = n;
    // TODO: create the synchronization you need
  }

  async foo(printFoo: () => void): Promise<void> {
    // TODO: call printFoo() n times, each time before the matching "bar"
  }

  async bar(printBar: () => void): Promise<void> {
    // TODO: call printBar() n times, each time after the matching "foo"
  }
}
