// Accepted. Style: no lock at all, because the read-modify-write has no `await` inside it.
// Threads only switch at an await, so `this.value += 1` cannot be interrupted; the slow part
// (the sleep) is moved out of the critical section, where overlapping is harmless.
import { sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;

  async update(name: number): Promise<void> {
    this.value += 1;
    await sleep(name);
  }
}
