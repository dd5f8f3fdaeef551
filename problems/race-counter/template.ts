import { Lock, sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;

  constructor() {
    // TODO: create the synchronization you need
  }

  async update(name: number): Promise<void> {
    // TODO: add 1 to this.value, safely. The slow database does it in three steps:
    //   read this.value into a local copy, add 1, `await sleep(name)`, write the copy back.
  }
}
