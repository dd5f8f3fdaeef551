// Accepted. Style: a shared counter under one Condition; each thread waits in a while loop until
// the counter is its own or past n, prints, moves it on and wakes everybody.
import { Condition } from 'interleave/sync';

export class FizzBuzz {
  private readonly cond = new Condition();
  private cur = 1;

  constructor(private readonly n: number) {}

  private async run(mine: (i: number) => boolean, print: (i: number) => void): Promise<void> {
    await this.cond.acquire();
    try {
      for (;;) {
        while (this.cur <= this.n && !mine(this.cur)) await this.cond.wait();
        if (this.cur > this.n) return;
        print(this.cur);
        this.cur++;
        await this.cond.notifyAll();
      }
    } finally {
      await this.cond.release();
    }
  }

  async fizz(printFizz: () => void): Promise<void> {
    await this.run((i) => i % 3 === 0 && i % 5 !== 0, () => printFizz());
  }
  async buzz(printBuzz: () => void): Promise<void> {
    await this.run((i) => i % 5 === 0 && i % 3 !== 0, () => printBuzz());
  }
  async fizzbuzz(printFizzBuzz: () => void): Promise<void> {
    await this.run((i) => i % 15 === 0, () => printFizzBuzz());
  }
  async number(printNumber: (x: number) => void): Promise<void> {
    await this.run((i) => i % 3 !== 0 && i % 5 !== 0, (i) => printNumber(i));
  }
}
