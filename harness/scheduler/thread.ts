/** Yields (yieldThread, sleep) by one thread in one run from which it is busy-waiting. */
const BUSY_WAIT_YIELDS = 3;

/** A thread of the run: a name, its tasks, and whether its body has finished. */
export class Thread {
  /** The body's task is done (the thread's method returned or threw). */
  done = false;
  /** A daemon thread (an executor's worker) does not keep the run alive. */
  daemon = false;
  /** A daemon learner code started: the run ends with it still running, as a Python program exits. */
  endsWithRun = false;
  /** How often it gave the processor up on purpose (yieldThread, sleep) this run. */
  yields = 0;
  /** The guard id of the loop it last went round (see loader/loop-guard.ts), or -1. */
  loop = -1;
  /** While tracing: started by learner code and not yet run, so its `started` row is still to come. */
  unannounced = false;
  /** Started by the judge's launcher (a problem's thread) rather than by learner code. */
  constructor(
    readonly index: number,
    readonly name: string,
    readonly harness: boolean,
  ) {}
  /** It gave the processor up again and again while it waited: it spins. */
  get busyWaiting(): boolean {
    return this.yields >= BUSY_WAIT_YIELDS;
  }
  get ident(): number {
    return 1000 + this.index;
  }
}
