// Run-time error, in plain JavaScript. Style: promise gates. Bug: first() starts a check that
// rejects, and attaches its .catch only after waiting on a timer. By then every job queued has run
// and the rejection was still unhandled: Node ends the process ("Error: not ready"). The output
// would have been right.
class Foo {
  constructor() {
    this.firstDone = new Promise((resolve) => (this.openSecond = resolve));
    this.secondDone = new Promise((resolve) => (this.openThird = resolve));
  }

  async first(printFirst) {
    const check = Promise.reject(new Error('not ready'));
    await new Promise((resolve) => setTimeout(resolve, 1));
    check.catch(() => {});
    printFirst();
    this.openSecond();
  }

  async second(printSecond) {
    await this.firstDone;
    printSecond();
    this.openThird();
  }

  async third(printThird) {
    await this.secondDone;
    printThird();
  }
}

module.exports = { Foo };
