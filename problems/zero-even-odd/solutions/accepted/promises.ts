// Accepted. Style: bare promise resolvers, one "gate" promise per thread. A thread that passes
// its gate arms a fresh one for its next round before it opens another thread's gate.
export class ZeroEvenOdd {
  private zeroGate: Promise<void> = Promise.resolve();
  private oddGate: Promise<void>;
  private evenGate: Promise<void>;
  private openZero: () => void = () => {};
  private openOdd!: () => void;
  private openEven!: () => void;

  constructor(private readonly n: number) {
    this.oddGate = new Promise((resolve) => (this.openOdd = resolve));
    this.evenGate = new Promise((resolve) => (this.openEven = resolve));
  }

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await this.zeroGate;
      this.zeroGate = new Promise((resolve) => (this.openZero = resolve));
      printNumber(0);
      if (i % 2 === 1) this.openOdd();
      else this.openEven();
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await this.evenGate;
      this.evenGate = new Promise((resolve) => (this.openEven = resolve));
      printNumber(i);
      this.openZero();
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.oddGate;
      this.oddGate = new Promise((resolve) => (this.openOdd = resolve));
      printNumber(i);
      this.openZero();
    }
  }
}
