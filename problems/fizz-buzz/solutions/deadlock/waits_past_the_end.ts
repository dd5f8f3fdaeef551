// Deadlock. Bug: each thread checks `cur <= n` and then waits for its own turn — but once the
// last number is printed by someone else, that turn never comes, and the thread waits for ever.
import { Semaphore } from 'interleave/sync';

type Kind = 'fizz' | 'buzz' | 'fizzbuzz' | 'number';

function owner(i: number): Kind {
  if (i % 15 === 0) return 'fizzbuzz';
  if (i % 3 === 0) return 'fizz';
  if (i % 5 === 0) return 'buzz';
  return 'number';
}

export class FizzBuzz {
  private cur = 1;
  private readonly turn: Record<Kind, Semaphore> = {
    fizz: new Semaphore(0),
    buzz: new Semaphore(0),
    fizzbuzz: new Semaphore(0),
    number: new Semaphore(1),
  };

  constructor(private readonly n: number) {}

  private async run(kind: Kind, print: (i: number) => void): Promise<void> {
    while (this.cur <= this.n) {
      await this.turn[kind].acquire();
      print(this.cur);
      this.cur++;
      await this.turn[owner(this.cur)].release();
    }
  }

  async fizz(printFizz: () => void): Promise<void> {
    await this.run('fizz', () => printFizz());
  }
  async buzz(printBuzz: () => void): Promise<void> {
    await this.run('buzz', () => printBuzz());
  }
  async fizzbuzz(printFizzBuzz: () => void): Promise<void> {
    await this.run('fizzbuzz', () => printFizzBuzz());
  }
  async number(printNumber: (x: number) => void): Promise<void> {
    await this.run('number', (i) => printNumber(i));
  }
}
