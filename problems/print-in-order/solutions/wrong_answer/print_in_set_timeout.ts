// Wrong answer. Style: "fire the print later" — first() schedules its print with setTimeout and
// returns at once. The text even comes out in the right order (second() waits for the gate the
// timer opens), but printFirst is called after first() returned, and a print callback belongs
// to its method while it runs: a print after the method returned is a wrong answer.
export class Foo {
  private openSecond!: () => void;
  private openThird!: () => void;
  private readonly firstDone = new Promise<void>((resolve) => (this.openSecond = resolve));
  private readonly secondDone = new Promise<void>((resolve) => (this.openThird = resolve));

  async first(printFirst: () => void): Promise<void> {
    setTimeout(() => {
      printFirst(); // runs after first() returned
      this.openSecond();
    }, 1);
  }

  async second(printSecond: () => void): Promise<void> {
    await this.firstDone;
    printSecond();
    this.openThird();
  }

  async third(printThird: () => void): Promise<void> {
    await this.secondDone;
    printThird();
  }
}
