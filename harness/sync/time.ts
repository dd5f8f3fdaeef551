import { ValueError, argumentError } from './errors';
import { Blocking, done, op, rt } from './op';

/** A sleep's end, for traces: its row is the thread going on, not a second call (one function for all). */
const slept = (): string => 'slept';

/**
 * Pauses the calling thread for `ms` milliseconds of the judge's virtual clock: it costs no real
 * time, and other threads run meanwhile. `sleep(0)` is a plain yield.
 */
export function sleep(ms: number): Promise<void> {
  const r = rt();
  if (typeof ms !== 'number' || Number.isNaN(ms)) throw argumentError(new TypeError(`sleep(${String(ms)}): ms must be a number`));
  if (ms < 0) throw new ValueError(`sleep(${ms}): sleep length must be non-negative`);
  if (ms === 0) return done(r, null, undefined, 'sleep(0)', undefined, true);
  const timer = r.clock.after(ms);
  return op(
    r,
    null,
    new Blocking<void>(r, `sleep(${ms})`, { canGo: () => r.clock.now >= timer.time, go: () => undefined, yields: true, outcome: slept }),
  );
}

/**
 * Gives the processor to another thread: a switch point with nothing else in it. A thread that
 * busy-waits must yield (or sleep) in its loop, so the others can make progress.
 */
export function yieldThread(): Promise<void> {
  return done(rt(), null, undefined, 'yieldThread()', undefined, true);
}
