// Time limit exceeded. Style: busy waiting with `await null` instead of a yield while first()
// sleeps. `await null` only queues a microtask: it lets no timer fire and no other thread run,
// exactly as in Node, where such a loop starves setTimeout forever. The sleeper never wakes,
// so second() spins without end (in Node the process would hang).
import { sleep } from 'interleave/sync';

export class Foo {
  private stage = 0;

  async first(printFirst: () => void): Promise<void> {
    await sleep(5);
    printFirst();
    this.stage = 1;
  }

  async second(printSecond: () => void): Promise<void> {
    while (this.stage < 1) await null;
    printSecond();
    this.stage = 2;
  }

  async third(printThird: () => void): Promise<void> {
    while (this.stage < 2) await null;
    printThird();
  }
}
