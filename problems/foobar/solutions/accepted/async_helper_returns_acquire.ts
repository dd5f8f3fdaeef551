// Accepted. Style: two semaphores, with the waiting wrapped in small `async` helpers that
// *return* the primitive's promise instead of awaiting it (`return this.fooSem.acquire();`).
// JavaScript adopts a returned promise, so `await this.myTurnFoo()` waits for the permit exactly
// as `await this.fooSem.acquire()` would; no await is missing.
import { Semaphore } from 'interleave/sync';

export class FooBar {
  private readonly fooSem = new Semaphore(1);
  private readonly barSem = new Semaphore(0);

  constructor(private readonly n: number) {}

  private async myTurnFoo(): Promise<boolean> {
    return this.fooSem.acquire();
  }

  private async myTurnBar(): Promise<boolean> {
    return this.barSem.acquire();
  }

  private async passTo(sem: Semaphore): Promise<void> {
    return sem.release();
  }

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.myTurnFoo();
      printFoo();
      await this.passTo(this.barSem);
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.myTurnBar();
      printBar();
      await this.passTo(this.fooSem);
    }
  }
}
