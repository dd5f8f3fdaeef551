// Deadlock. Style: Events, one of them pulsed.
// Bug: first() sets `go` and clears it at once, a pulse, trusting second() to be waiting by then
// because it set `ready` first and first() sleeps a second after it. Nothing makes second() reach
// go.wait() before the pulse: paused between its two lines, it misses the pulse and waits forever.
// Exposed by: one preemption, early (second paused after ready.set()), while first sleeps, prints
// and pulses; then second waits for a `go` nobody sets again, and third for second.
import { Event, sleep } from 'interleave/sync';

export class Foo {
  private readonly ready = new Event();
  private readonly go = new Event();
  private readonly secondDone = new Event();

  async first(printFirst: () => void): Promise<void> {
    await this.ready.wait();
    await sleep(1000);
    printFirst();
    await this.go.set();
    await this.go.clear();
  }

  async second(printSecond: () => void): Promise<void> {
    await this.ready.set();
    await this.go.wait();
    printSecond();
    await this.secondDone.set();
  }

  async third(printThird: () => void): Promise<void> {
    await this.secondDone.wait();
    printThird();
  }
}
