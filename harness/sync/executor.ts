import { RuntimeError } from './errors';
import { Blocking, done, internal, op, rt } from './op';
import { Queue } from './queue';
import { Wait } from '../scheduler/wait';
import { describeError, type Runtime } from '../scheduler/runtime';
import type { Coroutine } from '../scheduler/task';

/**
 * The result of a task submitted to a {@link ThreadPoolExecutor}: await it for the value (or the
 * exception). Unlike Python's, a failed task is never hidden: if nobody awaits its future, the
 * run fails as a run-time error.
 */
export class Future<T> extends Wait<T> {
  private state: 'pending' | 'ok' | 'failed' = 'pending';
  private value: unknown;
  /** Did the learner await it, or attach a handler? */
  observed = false;

  ready(): boolean {
    return this.state !== 'pending';
  }
  take(): T {
    this.observed = true;
    if (this.state === 'failed') throw this.value;
    return this.value as T;
  }
  describe(): string {
    return 'await Future';
  }
  override then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): PromiseLike<R1 | R2> {
    this.observed = true;
    return super.then(onfulfilled, onrejected);
  }
  /** Is the task finished? */
  done(): boolean {
    return this.state !== 'pending';
  }
  /** @internal */
  _settle(ok: boolean, value: unknown): void {
    this.state = ok ? 'ok' : 'failed';
    this.value = value;
  }
  /** @internal */
  get _failure(): unknown {
    return this.state === 'failed' ? this.value : undefined;
  }
  /** @internal */
  get _failed(): boolean {
    return this.state === 'failed';
  }
}

interface Job {
  fn: (...args: unknown[]) => unknown;
  args: unknown[];
  future: Future<unknown>;
}

const STOP = Symbol('stop');

/**
 * A pool of worker threads, as Python's `concurrent.futures.ThreadPoolExecutor(max_workers)`.
 * Workers start as tasks arrive, up to `maxWorkers`.
 */
export class ThreadPoolExecutor {
  private readonly jobs = new Queue<Job | typeof STOP>();
  private readonly futures: Future<unknown>[] = [];
  private workers = 0;
  private finished = 0;
  private closed = false;
  private readonly id: number;

  constructor(readonly maxWorkers = 4) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
      throw new RuntimeError(`ThreadPoolExecutor(${String(maxWorkers)}): maxWorkers must be a positive integer`);
    }
    const r = rt();
    this.id = r.nextId('ThreadPoolExecutor');
    r.onEnd(() => this.checkUnobserved(r));
  }

  /** Schedules `fn(...args)` on a worker; returns its future. */
  submit<A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>, ...args: A): Future<Awaited<R>> {
    const r = rt();
    if (this.closed) throw new RuntimeError('ThreadPoolExecutor.submit(): cannot schedule new futures after shutdown');
    const future = new Future<Awaited<R>>();
    if (r.tracing) future.site = r.site();
    this.futures.push(future as Future<unknown>);
    internal(this.jobs.put({ fn: fn as Job['fn'], args, future: future as Future<unknown> }));
    if (this.workers < this.maxWorkers) this.startWorker(r);
    return future;
  }

  /** Runs `fn` on every item; resolves to the results in order (the first exception is thrown). */
  map<T, R>(fn: (item: T) => R | PromiseLike<R>, items: Iterable<T>): Promise<Awaited<R>[]> {
    const r = rt();
    const futures = [...items].map((item) => this.submit(fn, item));
    for (const f of futures) f.observed = true;
    return op(
      r,
      new Blocking<Awaited<R>[]>(r, 'ThreadPoolExecutor.map()', {
        canGo: () => futures.every((f) => f.done()),
        go: () => futures.map((f) => f.take()),
      }),
    );
  }

  /** No new tasks; with `wait` (the default), waits until every submitted task finished. */
  shutdown(wait = true): Promise<void> {
    const r = rt();
    if (!this.closed) {
      this.closed = true;
      for (let i = 0; i < this.workers; i++) internal(this.jobs.put(STOP));
    }
    if (!wait) return done(r, undefined, 'ThreadPoolExecutor.shutdown(wait: false)');
    return op(
      r,
      new Blocking<void>(r, 'ThreadPoolExecutor.shutdown()', {
        canGo: () => this.finished === this.workers,
        go: () => undefined,
      }),
    );
  }

  private startWorker(r: Runtime): void {
    const n = ++this.workers;
    const jobs = this.jobs;
    const self = this;
    function* worker(): Coroutine {
      for (;;) {
        const job = (yield jobs.get()) as Job | typeof STOP;
        if (job === STOP) break;
        try {
          job.future._settle(true, yield job.fn(...job.args));
        } catch (e) {
          job.future._settle(false, e);
        }
      }
      self.finished++;
      return undefined;
    }
    r.startThread(`ThreadPoolExecutor-${this.id}_${n - 1}`, worker, false, true);
  }

  private checkUnobserved(r: Runtime): void {
    const lost = this.futures.find((f) => f._failed && !f.observed);
    if (lost) {
      r.fail(
        'RTE',
        `a task submitted to ThreadPoolExecutor threw ${describeError(lost._failure)}, and nobody awaited its future (Interleave never hides it)`,
        lost._failure,
      );
    }
  }
}
