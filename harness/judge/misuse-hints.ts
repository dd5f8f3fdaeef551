/**
 * What to do about a primitive used the wrong way. The errors keep CPython's words (what a Python
 * learner searches for: `cannot notify on un-acquired lock`); the failure's message then says how
 * to fix it, in the learner's language.
 */
interface Hint {
  when: RegExp;
  ts: string;
  py: string;
}

const HINTS: readonly Hint[] = [
  {
    when: /cannot (wait|notify) on un-acquired lock/,
    ts: 'hold the Condition while you wait() or notify(): `await cond.acquire()` first, and `await cond.release()` after',
    py: 'hold the Condition while you wait() or notify(): put the call inside `with self.cond:`',
  },
  {
    when: /release unlocked lock|cannot release un-acquired lock/,
    ts: 'release only what this thread acquired: every release() follows an acquire() of the same thread, once',
    py: 'release only what this thread acquired: every release() follows an acquire() of the same thread, once (`with lock:` does both)',
  },
  {
    when: /semaphore released too many times/,
    ts: 'a BoundedSemaphore gives back only what was taken: release() once per acquire()',
    py: 'a BoundedSemaphore gives back only what was taken: release() once per acquire()',
  },
];

/**
 * `message`, with what to do when the run's error (`error`, as describeError tells it) is a
 * primitive used the wrong way: the primitive's own RuntimeError or ValueError, not a learner's
 * error whose text quotes one (`new Error('caught: ' + e)` got the hint for the misuse it caught).
 */
export function withMisuseHint(message: string, error: string | undefined, python: boolean): string {
  if (error === undefined || !/^(RuntimeError|ValueError): /.test(error)) return message;
  const hint = HINTS.find((h) => h.when.test(error));
  return hint ? `${message}. To fix it, ${python ? hint.py : hint.ts}` : message;
}
