import { Blocking, checkTimeout, done, op, rt } from './op';

/** A blocked wait's outcome, for traces (one function, not one per call). */
const setOrTimedOut = (v: boolean): string => (v ? 'set' : 'timed out');

/**
 * An event flag, as Python's `threading.Event`: `set` wakes every waiter, `clear` resets it.
 * A waiter woken by `set` returns true even if the flag was cleared again before it ran.
 */
export class Event {
  #flag = false;
  /** Counts the times the flag went from false to true: a waiter wakes when it moved. */
  #sets = 0;

  constructor() {
    if (new.target === Event) Object.freeze(this);
  }

  /** Is the flag set now? */
  isSet(): boolean {
    return this.#flag;
  }

  /** Python's spelling. */
  is_set(): boolean {
    return this.#flag;
  }

  /** Sets the flag and wakes every waiting thread. */
  set(): Promise<void> {
    const r = rt();
    if (!this.#flag) {
      this.#flag = true;
      this.#sets++;
    }
    return done(r, this, undefined, 'Event.set()');
  }

  /** Resets the flag: later `wait()`s block until the next `set()`. */
  clear(): Promise<void> {
    const r = rt();
    this.#flag = false;
    return done(r, this, undefined, 'Event.clear()');
  }

  /** Waits until the flag is set; resolves to false only when the timeout passed first. */
  wait(timeout?: number): Promise<boolean> {
    const r = rt();
    checkTimeout('Event.wait()', timeout);
    if (this.#flag) return done(r, this, true, 'Event.wait()', 'already set');
    const seen = this.#sets;
    return op(
      r,
      this,
      new Blocking(r, 'Event.wait()', {
        canGo: () => this.#sets !== seen,
        go: () => true,
        timeout,
        outcome: setOrTimedOut,
      }),
    );
  }
}
