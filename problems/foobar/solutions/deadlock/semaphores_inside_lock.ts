// Deadlock. Style: turn semaphores, plus a Lock around each round "to be safe".
// Bug: a thread takes the Lock and then waits for its turn semaphore while still holding it,
// so the other thread, whose turn it is, cannot get in to hand the turn over.
// Exposed by: bar takes the Lock first and waits on barTurn; foo blocks on the Lock. (Or foo
// finishes a round and takes the Lock again before bar: foo waits on fooTurn, bar on the Lock.)
// The semaphores keep the words alternating, so the output is a correct prefix until then.
import { Lock, Semaphore } from 'interleave/sync';

export class FooBar {
  private readonly lock = new Lock();
  private readonly fooTurn = new Semaphore(1);
  private readonly barTurn = new Semaphore(0);

  constructor(private readonly n: number) {}

  async foo(printFoo: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.lock.acquire();
      try {
        await this.fooTurn.acquire(); // waits with the lock held
        printFoo();
        await this.barTurn.release();
      } finally {
        await this.lock.release();
      }
    }
  }

  async bar(printBar: () => void): Promise<void> {
    for (let i = 0; i < this.n; i++) {
      await this.lock.acquire();
      try {
        await this.barTurn.acquire(); // waits with the lock held
        printBar();
        await this.fooTurn.release();
      } finally {
        await this.lock.release();
      }
    }
  }
}
