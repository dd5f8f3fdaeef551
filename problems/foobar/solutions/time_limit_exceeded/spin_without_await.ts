// Time limit exceeded. Style: busy waiting on a turn flag.
// Bug: the wait loops have no `await`, so a spinning thread never gives the processor back and
// the flag it waits for can never change.
// Exposed by (n >= 2): every run. foo prints "foo", flips the flag and spins synchronously in
// its next round (or bar, started first, spins at once). Nothing else runs again; the
// wall-clock guard stops the run.
export class FooBar {
  private fooTurn = true;

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (!this.fooTurn) {} // spins without yielding
      printFoo();
      this.fooTurn = false;
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      while (this.fooTurn) {} // spins without yielding
      printBar();
      this.fooTurn = true;
    }
  }
}
