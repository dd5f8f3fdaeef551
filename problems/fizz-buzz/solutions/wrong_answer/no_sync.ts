// Wrong answer. Bug: no synchronization — each thread prints its own words as fast as it runs.
export class FizzBuzz {
  constructor(private readonly n: number) {}

  async fizz(printFizz: () => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) if (i % 3 === 0 && i % 5 !== 0) printFizz();
  }
  async buzz(printBuzz: () => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) if (i % 5 === 0 && i % 3 !== 0) printBuzz();
  }
  async fizzbuzz(printFizzBuzz: () => void): Promise<void> {
    for (let i = 15; i <= this.n; i += 15) printFizzBuzz();
  }
  async number(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) if (i % 3 !== 0 && i % 5 !== 0) printNumber(i);
  }
}
