// Accepted. Style: plain promises as turn tokens, awaited through `.then` chains. Each side
// waits on `turn.then(() => delay(1))` (a short setTimeout pause after its turn came), makes
// itself a fresh turn promise before it prints, and then hands the turn to the other side.
// The `.then` callback and its timer belong to the thread that attached them, so they fire.
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class FooBar {
  private fooTurn: Promise<void> = Promise.resolve();
  private barTurn: Promise<void>;
  private letFoo: () => void = () => {};
  private letBar: () => void = () => {};

  constructor(private readonly n: number) {
    this.barTurn = new Promise((resolve) => (this.letBar = resolve));
  }

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.fooTurn.then(() => delay(1));
      this.fooTurn = new Promise((resolve) => (this.letFoo = resolve));
      printFoo();
      this.letBar();
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.barTurn.then(() => delay(1));
      this.barTurn = new Promise((resolve) => (this.letBar = resolve));
      printBar();
      this.letFoo();
    }
  }
}
