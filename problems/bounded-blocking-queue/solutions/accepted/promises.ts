// Accepted. Style: bare promises — waiters park resolvers; whoever makes room or adds an element
// wakes one waiter of the other side, which checks again in a while loop.
export class BoundedBlockingQueue {
  private readonly items: string[] = [];
  private readonly putters: Array<() => void> = [];
  private readonly getters: Array<() => void> = [];

  constructor(private readonly capacity: number) {}

  async enqueue(element: string): Promise<void> {
    while (this.items.length === this.capacity) await new Promise<void>((r) => this.putters.push(r));
    this.items.push(element);
    this.getters.shift()?.();
  }

  async dequeue(): Promise<string> {
    while (this.items.length === 0) await new Promise<void>((r) => this.getters.push(r));
    const x = this.items.shift()!;
    this.putters.shift()?.();
    return x;
  }

  size(): number {
    return this.items.length;
  }
}
