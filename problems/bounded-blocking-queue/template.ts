import { Condition, Lock } from 'interleave/sync';

export class BoundedBlockingQueue {
  constructor(capacity: number) {
    // TODO
  }

  async enqueue(element: string): Promise<void> {
    // TODO: add element at the back; wait while the queue is full
  }

  async dequeue(): Promise<string> {
    // TODO: take the element at the front; wait while the queue is empty
    throw new Error('not implemented');
  }

  size(): number {
    // TODO: how many elements the queue holds now
    return 0;
  }
}
