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

/** `message`, with what to do when it tells of a primitive used the wrong way. */
export function withMisuseHint(message: string, python: boolean): string {
  const hint = HINTS.find((h) => h.when.test(message));
  return hint ? `${message}. To fix it, ${python ? hint.py : hint.ts}` : message;
}
