// Accepted. Style: two semaphores that start closed (value 0); each step opens the next one.
import { Semaphore } from 'interleave/sync';

export class Foo {
  private readonly firstDone = new Semaphore(0);
  private readonly secondDone = new Semaphore(0);

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
