// Run-time error. Style: locks as gates, taken in the constructor and released by the thread
// that hands the turn over, but with RLock "because it is safer".
// Bug: an RLock is owned: only the thread that acquired it may release it. The gates are
// taken by the constructor (the main thread), so zero's release() of oddGate is refused
// ("cannot release a lock owned by ..."), as in Python. (With a plain Lock this would work.)
// Exposed by: every run. zero takes its free gate, prints 0 (a correct prefix) and its
// release() throws; odd and even are still waiting and have printed nothing.
import { RLock } from 'interleave/sync';

export class ZeroEvenOdd {
  private readonly zeroGate = new RLock();
  private readonly oddGate = new RLock();
  private readonly evenGate = new RLock();

  constructor(private readonly n: number) {
    void this.oddGate.acquire();
    void this.evenGate.acquire();
  }

  async zero(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      await this.zeroGate.acquire();
      printNumber(0);
      await (i % 2 === 1 ? this.oddGate : this.evenGate).release();
    }
  }

  async even(printNumber: (x: number) => void): Promise<void> {
    for (let i = 2; i <= this.n; i += 2) {
      await this.evenGate.acquire();
      printNumber(i);
      await this.zeroGate.release();
    }
  }

  async odd(printNumber: (x: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i += 2) {
      await this.oddGate.acquire();
      printNumber(i);
      await this.zeroGate.release();
    }
  }
}
