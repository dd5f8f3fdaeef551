/**
 * The errors `interleave/sync` throws, named as Python's `threading` and `queue` name them, so a
 * learner who knows the course's Python recognises them. Each is a run-time error (RTE) unless the
 * learner catches it.
 */
export class RuntimeError extends Error {
  override name = 'RuntimeError';
}
export class ValueError extends Error {
  override name = 'ValueError';
}
export class BrokenBarrierError extends Error {
  override name = 'BrokenBarrierError';
}
/** `Queue.get` found nothing (non-blocking, or the timeout passed). */
export class QueueEmpty extends Error {
  override name = 'QueueEmpty';
}
/** `Queue.put` found no room (non-blocking, or the timeout passed). */
export class QueueFull extends Error {
  override name = 'QueueFull';
}
