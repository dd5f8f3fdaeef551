// Accepted. Style: bare promise resolvers, no sync primitive at all. The constructor makes two
// promises and keeps their resolve functions; a step resolves the promise the next one awaits.
export class Foo {
  private readonly firstDone: Promise<void>;
  private readonly secondDone: Promise<void>;
  private markFirstDone!: () => void;
  private markSecondDone!: () => void;

  constructor() {
    this.firstDone = new Promise((resolve) => (this.markFirstDone = resolve));
    this.secondDone = new Promise((resolve) => (this.markSecondDone = resolve));
  }

  async first(printFirst: () => void): Promise<void> {
    printFirst();
    this.markFirstDone();
  }

  async second(printSecond: () => void): Promise<void> {
    await this.firstDone;
    printSecond();
    this.markSecondDone();
  }

  async third(printThird: () => void): Promise<void> {
    await this.secondDone;
    printThird();
  }
}
