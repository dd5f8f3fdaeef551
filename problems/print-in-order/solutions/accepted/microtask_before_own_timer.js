// Accepted, in plain JavaScript. Style: second() prints from an async helper it does not await at
// once (the helper prints after one `await null`), then waits 5 ms on a timer before it opens
// third's gate. JavaScript runs every job already queued before a timer's callback, so the helper
// has printed by then. (The judge let the timer fire first: WA on every seed.)
class Foo {
  constructor() {
    this.firstDone = new Promise((resolve) => (this.openSecond = resolve));
    this.secondDone = new Promise((resolve) => (this.openThird = resolve));
  }

  async first(printFirst) {
    printFirst();
    this.openSecond();
  }

  async second(printSecond) {
    await this.firstDone;
    const printing = (async () => {
      await null;
      printSecond();
    })();
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.openThird();
    await printing;
  }

  async third(printThird) {
    await this.secondDone;
    printThird();
  }
}

module.exports = { Foo };
