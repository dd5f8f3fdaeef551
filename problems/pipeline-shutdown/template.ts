import { Event, Queue } from 'interleave/sync';

export class ShutdownPipeline {
  constructor(capacity: number) {
    // TODO: a buffer of at most `capacity` messages
  }

  async producer(event: Event, nextMessage: () => string): Promise<void> {
    // TODO: until the event is set: take nextMessage() and put it in the buffer
  }

  async consumer(event: Event, store: (message: string) => void): Promise<void> {
    // TODO: store every message the producer put in, in order — then return
  }
}
