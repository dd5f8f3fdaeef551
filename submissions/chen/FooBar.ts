// Accepted. Style: bare promise resolvers. Each side awaits its own "turn" promise; once
// through, it arms a fresh one for its next round *before* handing the turn to the other side,
// so the other side can never resolve a stale promise.
export class FooBar {
  private fooTurn: Promise<void> = Promise.resolve();
  private barTurn: Promise<void>;
  private letFooGo: () => void = () => {};
  private letBarGo!: () => void;

  constructor(private readonly n: number) {
    this.barTurn = new Promise((resolve) => (this.letBarGo = resolve));
  }

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.fooTurn;
      this.fooTurn = new Promise((resolve) => (this.letFooGo = resolve));
      printFoo();
      this.letBarGo();
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.barTurn;
      this.barTurn = new Promise((resolve) => (this.letBarGo = resolve));
      printBar();
      this.letFooGo();
    }
  }
}
