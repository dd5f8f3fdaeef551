/**
 * The errors `interleave/sync` throws, named as Python's `threading` and `queue` name them, so a
 * learner who knows the course's Python recognises them. Each is a run-time error (RTE) unless the
 * learner catches it. An error the judge throws into learner code is frozen: catching it gives
 * nothing to change.
 */
import { harden } from '../scheduler/harden';

export class RuntimeError extends Error {
  constructor(message?: string) {
    super(message);
    if (new.target === RuntimeError) Object.freeze(this);
  }
}
export class ValueError extends Error {
  constructor(message?: string) {
    super(message);
    if (new.target === ValueError) Object.freeze(this);
  }
}
export class BrokenBarrierError extends Error {
  constructor(message?: string) {
    super(message);
    if (new.target === BrokenBarrierError) Object.freeze(this);
  }
}
/** `Queue.get` found nothing (non-blocking, or the timeout passed). */
export class QueueEmpty extends Error {
  constructor(message?: string) {
    super(message);
    if (new.target === QueueEmpty) Object.freeze(this);
  }
}
/** `Queue.put` found no room (non-blocking, or the timeout passed). */
export class QueueFull extends Error {
  constructor(message?: string) {
    super(message);
    if (new.target === QueueFull) Object.freeze(this);
  }
}
/** A cancelled `Future`'s result or exception was asked for (Python's `concurrent.futures.CancelledError`). */
export class CancelledError extends Error {
  constructor(message?: string) {
    super(message);
    if (new.target === CancelledError) Object.freeze(this);
  }
}
for (const E of [RuntimeError, ValueError, BrokenBarrierError, QueueEmpty, QueueFull, CancelledError]) {
  Object.defineProperty(E.prototype, 'name', { value: E.name, writable: true, configurable: true });
}

/** A TypeError or RangeError about a bad argument, frozen like the errors above. */
export function argumentError<E extends Error>(e: E): E {
  return harden(e);
}
