/**
 * Virtual time. Sleeps and timeouts cost nothing. Time passes while threads run: whenever a timer
 * is pending, "time passes to the next deadline" is one of the strategy's choices at a switch
 * point, and when no task can run, time jumps there by itself. `Date.now()` and `setTimeout` of
 * learner code read and schedule on this clock.
 */
export interface Timer {
  readonly time: number;
  readonly seq: number;
  /** Run when time reaches the timer (setTimeout callbacks); sleeps just become ready. */
  fire?: () => void;
  cancelled?: boolean;
  fired?: boolean;
  /**
   * Comes only when time passes anyway (no task can run, or another deadline is chosen): it is
   * never offered as a choice of its own. For work outside the threads that takes time while they
   * compute in none (a harness service's fetch), so time never runs ahead of a thread that could go on.
   */
  lazy?: boolean;
  /** Never comes due (a delay of Infinity, or one past what the clock can count): in no list. */
  never?: boolean;
}

export class Clock {
  now = 0;
  private timers: Timer[] = [];
  private seq = 0;
  /** Timers neither fired nor cancelled, and not lazy. */
  private live = 0;

  /**
   * Schedules a timer `delay` ms from now (at least the next instant). A delay of Infinity (a wait
   * for ever), or one the clock cannot count to, never comes due: time never reaches Infinity.
   */
  after(delay: number, fire?: () => void, lazy = false): Timer {
    const d = delay > 0 ? delay : 0;
    if (!Number.isFinite(this.now + d)) return { time: Infinity, seq: this.seq++, fire, never: true };
    const timer: Timer = { time: this.now + d, seq: this.seq++, fire };
    if (lazy) timer.lazy = true;
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].time > timer.time) i--;
    this.timers.splice(i, 0, timer);
    if (!lazy) this.live++;
    return timer;
  }

  cancel(timer: Timer): void {
    if (timer.cancelled || timer.fired) return;
    timer.cancelled = true;
    if (!timer.lazy && !timer.never) this.live--;
  }

  /** Is any timer still to come that time passing may be chosen for (lazy ones are not)? */
  get pending(): boolean {
    return this.live > 0;
  }

  /** Moves time to the earliest timer and fires every timer due then; false when none is left. */
  advance(): boolean {
    const timers = this.timers;
    let k = 0;
    while (k < timers.length && timers[k].cancelled) k++;
    if (k === timers.length) {
      timers.length = 0;
      return false;
    }
    if (timers[k].time > this.now) this.now = timers[k].time;
    // Every timer due now leaves the list in one splice (a loop of shift() is quadratic when a
    // learner sets and cancels thousands of timers).
    let end = k;
    while (end < timers.length && timers[end].time <= this.now) end++;
    const due = timers.splice(0, end);
    for (const t of due) {
      if (t.cancelled) continue;
      t.fired = true;
      if (!t.lazy) this.live--;
      if (t.fire) t.fire();
    }
    return true;
  }
}
