// Wrong answer. Style: no synchronization, the course's Python `FakeDatabase` without its lock.
// Bug: read-modify-write with an await (the sleep) between the read and the write: a race.
// Exposed by: two threads both read `value` before either writes it back, e.g. thread 1 reads
// 0 and sleeps, thread 2 reads 0 and sleeps, both write 1: one update is lost and the final
// value is 1 instead of 2.
import { sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;

  async update(name: number): Promise<void> {
    let localCopy = this.value;
    localCopy += 1;
    // While this thread sleeps, the other threads read the same old value.
    await sleep(name);
    this.value = localCopy;
  }
}
