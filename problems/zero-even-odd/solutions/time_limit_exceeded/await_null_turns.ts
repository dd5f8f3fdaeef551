// Turns on a plain field, waited for with `while (this.turn !== me) await null`: an `await` of a
// value that is not a pending operation is not a yield, so the judge may keep running the spinner
// and never the thread that would change `turn`. Judged within memory on every case, however long
// the spin (the n = 1000 case allows 600,000 steps).
export class ZeroEvenOdd {
  private turn = 0;
  constructor(private n: number) {}

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      while (this.turn !== 0) await null;
      printNumber(0);
      this.turn = i;
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      while (this.turn !== i) await null;
      printNumber(i);
      this.turn = 0;
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      while (this.turn !== i) await null;
      printNumber(i);
      this.turn = 0;
    }
  }
}
