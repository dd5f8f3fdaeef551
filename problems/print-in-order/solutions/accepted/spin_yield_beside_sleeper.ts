// Accepted. Style: first() is slow (it sleeps before printing) while second() and third()
// busy-wait on a stage counter with `await yieldThread()`. Each spinning loop yields, and the
// sleeper's time runs out while they spin (time passes while threads run), so first() prints,
// then second(), then third(): the spin always ends and the order is always right.
import { sleep, yieldThread } from 'interleave/sync';

export class Foo {
  private stage = 0;

  async first(printFirst: () => void): Promise<void> {
    await sleep(5); // the slow part of the job
    printFirst();
    this.stage = 1;
  }

  async second(printSecond: () => void): Promise<void> {
    while (this.stage < 1) await yieldThread();
    printSecond();
    this.stage = 2;
  }

  async third(printThird: () => void): Promise<void> {
    while (this.stage < 2) await yieldThread();
    printThird();
  }
}
