// Accepted. Style: `Promise.all` of primitives. Each thread waits for its turn with a Condition
// over an RLock; it takes the lock with `await Promise.all([this.lock.acquire(), sleep(0)])`
// (lock and a zero pause together) and later releases it itself. Operations combined with
// Promise.all belong to the thread that awaits them, so that thread owns the RLock, its
// waitFor() and release() are allowed, and the turns go 0 1 0 2 ... 0 n.
import { Condition, RLock, sleep } from 'interleave/sync';

export class ZeroEvenOdd {
  private readonly lock = new RLock();
  private readonly changed = new Condition(this.lock);
  private next = 1; // the number printed after the next 0
  private zeroDue = true; // whose turn: a 0, or the number `next`

  constructor(private readonly n: number) {}

  private async myTurn(ready: () => boolean): Promise<void> {
    await Promise.all([this.lock.acquire(), sleep(0)]);
    await this.changed.waitFor(ready);
  }

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.myTurn(() => this.zeroDue);
      printNumber(0);
      this.zeroDue = false;
      await this.changed.notifyAll();
      await this.lock.release();
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let k = 2; k <= this.n; k += 2) {
      await this.myTurn(() => !this.zeroDue && this.next === k);
      printNumber(k);
      this.next++;
      this.zeroDue = true;
      await this.changed.notifyAll();
      await this.lock.release();
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let k = 1; k <= this.n; k += 2) {
      await this.myTurn(() => !this.zeroDue && this.next === k);
      printNumber(k);
      this.next++;
      this.zeroDue = true;
      await this.changed.notifyAll();
      await this.lock.release();
    }
  }
}
