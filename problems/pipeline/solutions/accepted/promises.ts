// Accepted. Style: bare promise resolvers, no interleave/sync at all. A waiting thread parks on a
// promise whose resolver it leaves in a queue; whoever changes the buffer wakes one waiter of the
// other side. A woken thread re-checks in a `while` loop: another thread may have taken the slot
// (or the message) between the wake-up and its turn.
export class Pipeline {
  private readonly buffer: string[] = [];
  private readonly waitingSetters: Array<() => void> = [];
  private readonly waitingGetters: Array<() => void> = [];

  constructor(private readonly capacity: number) {}

  async setMessage(message: string): Promise<void> {
    while (this.buffer.length >= this.capacity) {
      await new Promise<void>((resolve) => this.waitingSetters.push(resolve));
    }
    this.buffer.push(message);
    this.waitingGetters.shift()?.();
  }

  async getMessage(): Promise<string> {
    while (this.buffer.length === 0) {
      await new Promise<void>((resolve) => this.waitingGetters.push(resolve));
    }
    const message = this.buffer.shift()!;
    this.waitingSetters.shift()?.();
    return message;
  }
}
