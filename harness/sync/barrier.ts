import { BrokenBarrierError, ValueError } from './errors';
import { Blocking, checkTimeout, done, failed, op, rt } from './op';

/**
 * A barrier for a fixed number of threads, as Python's `threading.Barrier`: each `wait()` blocks
 * until `parties` threads are waiting, then all go on. `wait()` resolves to an index in
 * [0, parties), different for every thread of a round.
 */
export class Barrier {
  #count = 0;
  #generation = 0;
  #broken = false;
  /** Rounds a reset() ended while threads waited in them: those threads get BrokenBarrierError. */
  #resetRounds = new Set<number>();
  readonly parties: number;

  constructor(parties: number) {
    if (!Number.isInteger(parties) || parties < 1) throw new ValueError(`Barrier(${String(parties)}): parties must be >= 1`);
    this.parties = parties;
    if (new.target === Barrier) Object.freeze(this);
  }

  /** Waits for the others; past `timeout` ms the barrier breaks (BrokenBarrierError). */
  wait(timeout?: number): Promise<number> {
    const r = rt();
    checkTimeout('Barrier.wait()', timeout);
    if (this.#broken) return failed(r, this, new BrokenBarrierError('Barrier.wait(): the barrier is broken'), 'Barrier.wait()');
    const index = this.#count++;
    const gen = this.#generation;
    const opens = this.#count === this.parties;
    if (opens) {
      this.#count = 0;
      this.#generation++;
    }
    return op(
      r,
      this,
      new Blocking(r, 'Barrier.wait()', {
        canGo: () => this.#generation !== gen || this.#broken,
        go: () => {
          if (this.#resetRounds.has(gen)) throw new BrokenBarrierError('Barrier.wait(): the barrier was reset while waiting');
          if (this.#generation === gen) throw new BrokenBarrierError('Barrier.wait(): the barrier was broken while waiting');
          return index;
        },
        timeout,
        timedOut: () => {
          this.#abortNow();
          throw new BrokenBarrierError(`Barrier.wait(): timed out after ${timeout} ms`);
        },
        outcome: (v) => `passed (index ${v})`,
        // The others may pass before this thread runs again: its arrival is a row of its own.
        ...(opens && this.parties > 1 ? { arrival: `: the last of ${this.parties} to arrive, so all ${this.parties} pass` } : {}),
      }),
    );
  }

  /** Breaks the barrier: current and future waiters get BrokenBarrierError. A switch point. */
  abort(): Promise<void> {
    const r = rt();
    this.#abortNow();
    return done(r, this, undefined, 'Barrier.abort()');
  }

  /**
   * Returns the barrier to its empty state: the threads waiting now get BrokenBarrierError (as
   * Python's), later ones wait for a new round. A switch point.
   */
  reset(): Promise<void> {
    const r = rt();
    if (this.#count > 0) {
      this.#resetRounds.add(this.#generation);
      this.#generation++;
    }
    this.#count = 0;
    this.#broken = false;
    return done(r, this, undefined, 'Barrier.reset()');
  }

  /** Threads waiting now. */
  get nWaiting(): number {
    return this.#count;
  }

  /** Python's spelling. */
  get n_waiting(): number {
    return this.#count;
  }

  get broken(): boolean {
    return this.#broken;
  }

  #abortNow(): void {
    this.#broken = true;
    this.#count = 0;
  }
}
