import { Condition, Lock } from 'interleave/sync';

export class Pipeline {
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
    // TODO: create the buffer and the synchronization you need
  }

  async setMessage(message: string): Promise<void> {
    // TODO: wait while the buffer is full, then add the message
  }

  async getMessage(): Promise<string> {
    // TODO: wait while the buffer is empty, then take the oldest message
    return '';
  }
}
