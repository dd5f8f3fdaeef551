/**
 * `interleave/sync`: what a learner's solution imports. The names and semantics mirror Python's
 * `threading` (and `queue.Queue`, `concurrent.futures.ThreadPoolExecutor`), so course material
 * written for Python threads carries over.
 *
 * Every operation that waits or changes shared state returns a Promise and is a switch point: the
 * judge may run another thread there. Its effect happens when it is called, so a missing `await`
 * loses only the switch point. Under the judge, time is virtual and `Math.random()` is seeded, so
 * a run can always be replayed.
 *
 * @packageDocumentation
 */
export { Lock, RLock } from './lock';
export { Condition } from './condition';
export { Semaphore, BoundedSemaphore } from './semaphore';
export { Event } from './event';
export { Barrier } from './barrier';
export { Queue } from './queue';
export { sleep, yieldThread } from './time';
export { currentThread, current_thread, activeCount, active_count, enumerate, ThreadLocal, Thread, type ThreadInfo, type ThreadOptions } from './threads';
export { ThreadPoolExecutor, Future } from './executor';
export { RuntimeError, ValueError, BrokenBarrierError, QueueEmpty, QueueFull, CancelledError } from './errors';
export type { BlockingOptions } from './op';
