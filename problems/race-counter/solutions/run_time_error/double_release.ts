// Run-time error. Style: a BoundedSemaphore(1) as a mutex, released "to be safe" both at the
// end of the try block and in finally.
// Bug: every update releases twice for one acquire. A BoundedSemaphore refuses to go above its
// start value, so a release() throws "semaphore released too many times", as in Python.
// Exposed by: every run. The first thread's second release() throws at once, unless another
// thread grabbed the permit in between; then that thread's own extra release throws later.
// Releases outnumber acquires, so the error always comes, before the final value is checked.
import { BoundedSemaphore, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private readonly permit = new BoundedSemaphore(1);

  async update(name: number): Promise<void> {
    await this.permit.acquire();
    try {
      const localCopy = this.value + 1;
      await sleep(name);
      this.value = localCopy;
      await this.permit.release();
    } finally {
      await this.permit.release(); // a second release for the same acquire
    }
  }
}
