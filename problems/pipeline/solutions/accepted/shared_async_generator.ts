// Accepted. Style: the consumers pull from one shared async generator (the language queues its
// next() calls: one runs at a time), the producers wait on a Condition. (esbuild's lowering of
// async generators lost that queue once a call settled: the next consumer's call resumed the
// generator in the middle of another's await, and a release ran in the wrong thread: RTE.)
import { Condition } from 'interleave/sync';

export class Pipeline {
  private cv = new Condition();
  private buf: string[] = [];
  private stream: AsyncGenerator<string, never, void>;

  constructor(private capacity: number) {
    this.stream = this.drain();
  }

  private async *drain(): AsyncGenerator<string, never, void> {
    for (;;) {
      await this.cv.acquire();
      let m: string;
      try {
        await this.cv.waitFor(() => this.buf.length > 0);
        m = this.buf.shift()!;
        await this.cv.notifyAll();
      } finally {
        await this.cv.release();
      }
      yield m;
    }
  }

  async setMessage(message: string): Promise<void> {
    await this.cv.acquire();
    try {
      await this.cv.waitFor(() => this.buf.length < this.capacity);
      this.buf.push(message);
      await this.cv.notifyAll();
    } finally {
      await this.cv.release();
    }
  }

  async getMessage(): Promise<string> {
    const { value } = await this.stream.next();
    return value;
  }
}
