// Accepted. Style: Condition.wait(50) in a while loop. Written from the statement alone (red team).
import { Condition } from 'interleave/sync';

type Kind = 'fizz' | 'buzz' | 'fizzbuzz' | 'number';

function kindOf(i: number): Kind {
  if (i % 15 === 0) return 'fizzbuzz';
  if (i % 3 === 0) return 'fizz';
  if (i % 5 === 0) return 'buzz';
  return 'number';
}

export class FizzBuzz {
  private readonly n: number;
  private cur = 1;
  private cond = new Condition();

  constructor(n: number) {
    this.n = n;
  }

  private async run(kind: Kind, print: (i: number) => void): Promise<void> {
    await this.cond.acquire();
    try {
      for (;;) {
        while (!(this.cur > this.n || kindOf(this.cur) === kind)) await this.cond.wait(50); // defensive timeout
        if (this.cur > this.n) return;
        print(this.cur);
        this.cur++;
        await this.cond.notifyAll();
      }
    } finally {
      await this.cond.release();
    }
  }

  fizz(printFizz: () => void): Promise<void> { return this.run('fizz', () => printFizz()); }
  buzz(printBuzz: () => void): Promise<void> { return this.run('buzz', () => printBuzz()); }
  fizzbuzz(printFizzBuzz: () => void): Promise<void> { return this.run('fizzbuzz', () => printFizzBuzz()); }
  number(printNumber: (x: number) => void): Promise<void> { return this.run('number', (i) => printNumber(i)); }
}
