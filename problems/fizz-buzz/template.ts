import { Condition, Semaphore } from 'interleave/sync';

export class FizzBuzz {
  private readonly n: number;

  constructor(n: number) {
    this.n = n;
    // TODO: create the synchronization you need
  }

  async fizz(printFizz: () => void): Promise<void> {
    // TODO: printFizz() for every i <= n divisible by 3 and not by 5, in its turn
  }

  async buzz(printBuzz: () => void): Promise<void> {
    // TODO: printBuzz() for every i <= n divisible by 5 and not by 3, in its turn
  }

  async fizzbuzz(printFizzBuzz: () => void): Promise<void> {
    // TODO: printFizzBuzz() for every i <= n divisible by 15, in its turn
  }

  async number(printNumber: (x: number) => void): Promise<void> {
    // TODO: printNumber(i) for every other i <= n, in its turn
  }
}
