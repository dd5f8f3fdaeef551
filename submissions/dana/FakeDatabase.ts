import { Lock } from 'interleave/sync';

export class FakeDatabase {
  value = 0;
  private lock = new Lock()

  async update(name: number): Promise<void> {
    await this.lock.acquire();
    const copy = this.value + 1
    await sleep(name);
    this.value = copy;
    await this.lock.release(
  }
}
