// Wrong answer. Cheat: the producer sets the harness's event itself and stops. (Red team.)
import { Event, Queue } from 'interleave/sync';

// HOSTILE: the producer sets the event itself at once ("shutdown requested"), takes nothing,
// and both threads return: no message lost, because none was ever produced.
export class ShutdownPipeline {
  private q: Queue<string>;
  constructor(capacity: number) { this.q = new Queue<string>(capacity); }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    await event.set();
    await this.q.put('\u0000END');
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    for (let m = await this.q.get(); m !== '\u0000END'; m = await this.q.get()) store(m);
  }
}
