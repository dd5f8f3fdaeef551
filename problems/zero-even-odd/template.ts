import { Condition, Semaphore } from 'interleave/sync';

export class ZeroEvenOdd {
  private readonly n: number;

  constructor(n: number) {
    this.n = n;
    // TODO: create the synchronization you need
  }

  async zero(printNumber: (x: number) => void): Promise<void> {
    // TODO: print n zeros, one before each number
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    // TODO: print 2, 4, 6, ... up to n, each after its zero
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    // TODO: print 1, 3, 5, ... up to n, each after its zero
  }
}
