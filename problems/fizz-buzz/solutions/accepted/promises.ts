// Accepted. Style: bare promises — a thread whose number is not up parks a resolver; whoever
// moves the counter on wakes the parked threads, which look again.
export class FizzBuzz {
  private cur = 1;
  private parked: Array<() => void> = [];

  constructor(private readonly n: number) {}

  private advance(): void {
    this.cur++;
    const wake = this.parked;
    this.parked = [];
    for (const w of wake) w();
  }

  private async run(mine: (i: number) => boolean, print: (i: number) => void): Promise<void> {
    for (;;) {
      while (this.cur <= this.n && !mine(this.cur)) await new Promise<void>((resolve) => this.parked.push(resolve));
      if (this.cur > this.n) return;
      print(this.cur);
      this.advance();
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
