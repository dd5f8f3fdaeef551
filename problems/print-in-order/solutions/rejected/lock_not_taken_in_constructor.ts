// Rejected (fails in more than one way). Style: Locks taken in the constructor and released by
// the step before.
// Bug: the constructor takes `firstDone` but forgets `secondDone`, which therefore starts
// unlocked.
// Exposed by: third() starts before second() printed: it acquires the free lock and prints
// "third" too early (wrong answer). second() reaches its release() before third() took the
// lock: releasing the unlocked `secondDone` throws "release unlocked lock" (run-time error).
// Only the lucky run where third() slips in exactly between second()'s print and release passes.
import { Lock } from 'interleave/sync';

export class Foo {
  private readonly firstDone = new Lock();
  private readonly secondDone = new Lock();

  constructor() {
    void this.firstDone.acquire();
    // forgot: void this.secondDone.acquire();
  }

  async first(printFirst: () => void): Promise<void> {
    printFirst();
    await this.firstDone.release();
  }

  async second(printSecond: () => void): Promise<void> {
    await this.firstDone.acquire();
    printSecond();
    await this.secondDone.release();
  }

  async third(printThird: () => void): Promise<void> {
    await this.secondDone.acquire();
    printThird();
  }
}
