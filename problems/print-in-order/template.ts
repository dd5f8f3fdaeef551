import { Condition, Semaphore } from 'interleave/sync';

export class Foo {
  constructor() {
    // TODO: create the synchronization you need (a Condition, Semaphores, Events, ...)
  }

  async first(printFirst: () => void): Promise<void> {
    // TODO: call printFirst() once; it outputs "first"
  }

  async second(printSecond: () => void): Promise<void> {
    // TODO: call printSecond() once, only after "first" was printed
  }

  async third(printThird: () => void): Promise<void> {
    // TODO: call printThird() once, only after "second" was printed
  }
}
