// Accepted. Style: two Locks taken in the constructor and released by the step before, the
// classic Python answer. It works because a Lock is not owned: any thread may release it.
import { Lock } from 'interleave/sync';

export class Foo {
  private readonly firstDone = new Lock();
  private readonly secondDone = new Lock();

  constructor() {
    // The constructor runs before any thread starts: these take effect at once.
    void this.firstDone.acquire();
    void this.secondDone.acquire();
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
