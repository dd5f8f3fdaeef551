// Run-time error. Style: a Lock with an acquire timeout.
// Bug: acquire({ timeout: 2 }) resolves to false when the 2 ms pass, and the result is
// ignored: the thread goes into the critical section without the lock, and then releases a
// lock it never took. A Lock is either locked or not, so once an acquire has failed, the
// releases outnumber the successful acquires and some release() finds the lock unlocked:
// "release unlocked lock". (The lost update this also causes is only visible at the end, so
// the run-time error always comes first.)
// Exposed by: three threads. Worker 1 holds the lock for 1 ms, worker 2 for 2 ms; worker 3,
// waiting since time 0, times out at 2 ms and goes in anyway; worker 2 releases at 3 ms, and
// worker 3's release at 5 ms finds the lock unlocked.
import { Lock, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private readonly lock = new Lock();

  async update(name: number): Promise<void> {
    await this.lock.acquire({ timeout: 2 }); // false after 2 ms, but nobody looks
    try {
      const localCopy = this.value + 1;
      await sleep(name);
      this.value = localCopy;
    } finally {
      await this.lock.release();
    }
  }
}
