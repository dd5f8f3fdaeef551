// Wrong answer. Bug: the number thread loops with `<=` one step too far (`i <= n + 1`, an
// off-by-one when translating Python's range(1, n + 1)), and prints past n when its turn comes.
import { Semaphore } from 'interleave/sync';

type Kind = 'fizz' | 'buzz' | 'fizzbuzz' | 'number';

function owner(i: number): Kind {
  if (i % 15 === 0) return 'fizzbuzz';
  if (i % 3 === 0) return 'fizz';
  if (i % 5 === 0) return 'buzz';
  return 'number';
}

export class FizzBuzz {
  private readonly turn: Record<Kind, Semaphore> = {
    fizz: new Semaphore(0),
    buzz: new Semaphore(0),
    fizzbuzz: new Semaphore(0),
    number: new Semaphore(1),
  };

  constructor(private readonly n: number) {}

  private async run(kind: Kind, print: (i: number) => void, last: number): Promise<void> {
    for (let i = 1; i <= last; i++) {
      if (owner(i) !== kind) continue;
      await this.turn[kind].acquire();
      print(i);
      await this.turn[owner(i + 1)].release();
    }
  }

  async fizz(printFizz: () => void): Promise<void> {
    await this.run('fizz', () => printFizz(), this.n);
  }
  async buzz(printBuzz: () => void): Promise<void> {
    await this.run('buzz', () => printBuzz(), this.n);
  }
  async fizzbuzz(printFizzBuzz: () => void): Promise<void> {
    await this.run('fizzbuzz', () => printFizzBuzz(), this.n);
  }
  async number(printNumber: (x: number) => void): Promise<void> {
    await this.run('number', (i) => printNumber(i), this.n + 1);
  }
}
