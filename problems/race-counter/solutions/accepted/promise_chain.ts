// Accepted. Style: bare promises as a mutex: each update chains itself behind the previous one.
// Taking a place in the chain (reading `tail`, replacing it) happens before the first await,
// so no other thread can slip in between.
import { sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private tail: Promise<void> = Promise.resolve();

  async update(name: number): Promise<void> {
    const previous = this.tail;
    let done!: () => void;
    this.tail = new Promise<void>((resolve) => (done = resolve));
    await previous; // every earlier update has finished
    try {
      const localCopy = this.value + 1;
      await sleep(name);
      this.value = localCopy;
    } finally {
      done();
    }
  }
}
