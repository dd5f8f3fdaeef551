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
  /**
   * A binary min-heap by (time, seq): a learner may set hundreds of thousands of timers in any
   * order (a sorted list's insert was quadratic: 300,000 timers of decreasing delays took the
   * job's whole CPU time).
   */
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
    this.push(timer);
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
    while (timers.length > 0 && timers[0].cancelled) this.pop();
    if (timers.length === 0) return false;
    if (timers[0].time > this.now) this.now = timers[0].time;
    // Every timer due now, in order, before any fires (a timer set while they fire waits for the next advance).
    const due: Timer[] = [];
    while (timers.length > 0 && timers[0].time <= this.now) due.push(this.pop());
    for (const t of due) {
      if (t.cancelled) continue;
      t.fired = true;
      if (!t.lazy) this.live--;
      if (t.fire) t.fire();
    }
    return true;
  }

  private push(timer: Timer): void {
    const h = this.timers;
    let i = h.length;
    h.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(timer, h[parent])) break;
      h[i] = h[parent];
      i = parent;
    }
    h[i] = timer;
  }

  private pop(): Timer {
    const h = this.timers;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const c = l + 1 < h.length && before(h[l + 1], h[l]) ? l + 1 : l;
        if (!before(h[c], last)) break;
        h[i] = h[c];
        i = c;
      }
      h[i] = last;
    }
    return top;
  }
}

/** Is timer `a` due before `b` (earlier, or as early and set first)? */
function before(a: Timer, b: Timer): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
