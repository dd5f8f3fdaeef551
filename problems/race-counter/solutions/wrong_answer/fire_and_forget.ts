// Wrong answer. Style: fire-and-forget work. update() starts the slow part in an async function
// it never awaits and returns at once. The increment itself is safe (no await between read and
// write), but it happens `name` ms later: when every update() has returned, value is still 0.
// The final read sees the state at the moment the last update() returned, and work left running
// after its method returned cannot repair the result.
import { sleep } from 'interleave/sync';

export class FakeDatabase {
  value = 0;

  async update(name: number): Promise<void> {
    void (async () => {
      await sleep(name);
      this.value += 1;
    })();
  }
}
