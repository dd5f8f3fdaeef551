// Wrong answer. Style: no synchronization at all.
// Bug: nothing makes the threads take turns; with no await, each method prints all its words
// in one go.
// Exposed by (n >= 2): every run, e.g. foo starts first and prints "foofoo...".
export class FooBar {
  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      printFoo();
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      printBar();
    }
  }
}
