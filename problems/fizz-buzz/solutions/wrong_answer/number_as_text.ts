// Wrong answer: the order is right, but number passes its number as text, printNumber(`${i}`),
// where the problem's printNumber takes an integer (printNumber(i)). Checked at the call.
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

  private async run(kind: Kind, print: (i: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      if (owner(i) !== kind) continue;
      await this.turn[kind].acquire();
      print(i);
      if (i < this.n) await this.turn[owner(i + 1)].release();
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
  async number(printNumber: (x: unknown) => void): Promise<void> {
    await this.run('number', (i) => printNumber(`${i}`));
  }
}
