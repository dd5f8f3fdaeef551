// Wrong answer. Style: a timeout relied upon. bar() waits for its permit with
// `acquire({ timeout: 50 })` and prints whatever acquire() returned, betting that foo() is
// never 50 ms late. Nothing promises that: a timed wait may expire before the other thread
// makes any progress (there is no fairness), and then bar() prints "bar" before its "foo".
// Why wrong_answer and not rejected: every run that goes wrong goes wrong at that print — the
// semaphores are plain ones (an extra release is allowed, no RTE), and no thread can block for
// good (bar() never waits without a timeout, foo() waits only for releases that bar() always
// makes), so the first failure is always the out-of-order "bar": WA.
import { Semaphore } from 'interleave/sync';

export class FooBar {
  private readonly fooSem = new Semaphore(1);
  private readonly barSem = new Semaphore(0);

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.fooSem.acquire();
      printFoo();
      await this.barSem.release();
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.barSem.acquire({ timeout: 50 }); // false after 50 ms: ignored
      printBar();
      await this.fooSem.release();
    }
  }
}
