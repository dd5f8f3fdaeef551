// Accepted. Style: plain promises with `.then` chains. Each step opens a gate (a promise's
// resolver); the next step waits on `gate.then(() => delay(1))`, where `delay` is a promise over
// setTimeout. The callback and the timer it sets belong to the thread that attached them, so
// the timer fires and the awaiting thread resumes: the order is first, second, third.
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class Foo {
  private openSecond!: () => void;
  private openThird!: () => void;
  private readonly firstDone = new Promise<void>((resolve) => (this.openSecond = resolve));
  private readonly secondDone = new Promise<void>((resolve) => (this.openThird = resolve));

  async first(printFirst: () => void): Promise<void> {
    printFirst();
    this.openSecond();
  }

  async second(printSecond: () => void): Promise<void> {
    await this.firstDone.then(() => delay(1));
    printSecond();
    this.openThird();
  }

  async third(printThird: () => void): Promise<void> {
    await this.secondDone.then(() => delay(1));
    printThird();
  }
}
