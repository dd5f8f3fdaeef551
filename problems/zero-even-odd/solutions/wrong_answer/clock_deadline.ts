// Wrong answer (red team). Exposed by the greedy schedule (time passes while the waiter sleeps). even/odd wait for their turn until a 50 ms deadline on the clock, then print.
import { Lock, sleep } from 'interleave/sync';

export class ZeroEvenOdd {
  private next = 0; // 0: zero's turn; k>0: number k's turn
  private count = 0;

  constructor(private readonly n: number) {}

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      while (this.next !== 0) await sleep(1);
      printNumber(0);
      this.next = i;
    }
  }

  private async number(k: number, printNumber: (x: number) => void): Promise<void> {
    const deadline = Date.now() + 50;
    while (this.next !== k && Date.now() < deadline) await sleep(1);
    printNumber(k);
    this.next = 0;
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let k = 2; k <= this.n; k += 2) await this.number(k, printNumber);
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let k = 1; k <= this.n; k += 2) await this.number(k, printNumber);
  }
}
