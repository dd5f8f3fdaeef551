import { CancelledError, RuntimeError, ValueError, argumentError } from './errors';
import { Blocking, done, internal, op, quietly, rt } from './op';
import { Queue } from './queue';
import { checkThreadRoom } from './threads';
import { MAKER, Operation, waitOf } from '../scheduler/operation';
import { Wait } from '../scheduler/wait';
import { describeError } from '../scheduler/describe-error';
import type { Runtime } from '../scheduler/runtime';
import type { Coroutine } from '../scheduler/task';

/** What a future is waiting for, on the judge's side. */
class FutureState<T> extends Wait<T> {
  /** Queued, taken by a worker, finished with a value or an exception, or cancelled before it ran. */
  state: 'pending' | 'running' | 'ok' | 'failed' | 'cancelled' = 'pending';
  value: unknown;

  ready(): boolean {
    return this.state !== 'pending' && this.state !== 'running';
  }
  take(): T {
    this.awaited = true;
    if (this.state === 'cancelled') throw new CancelledError('the future was cancelled before its task ran');
    if (this.state === 'failed') throw this.value;
    return this.value as T;
  }
  describe(): string {
    return 'await Future';
  }
  settle(ok: boolean, value: unknown): void {
    this.state = ok ? 'ok' : 'failed';
    this.value = value;
  }
  /** Python's `cancel()`: only a task no worker has taken yet can be. */
  cancel(): boolean {
    if (this.state === 'pending') this.state = 'cancelled';
    return this.state === 'cancelled';
  }
}

/**
 * The result of a task submitted to a {@link ThreadPoolExecutor}: await it for the value (or the
 * exception). Unlike Python's, a failed task is never hidden: if nobody awaits its future (or asks
 * for its exception), the run fails as a run-time error.
 */
export class Future<T> extends Operation<T> {
  /** Is the task finished (or cancelled)? */
  done(): boolean {
    return stateOf(this, 'done').ready();
  }

  /** Is a worker running the task now? */
  running(): boolean {
    return stateOf(this, 'running').state === 'running';
  }

  /** Was the task cancelled before it ran? */
  cancelled(): boolean {
    return stateOf(this, 'cancelled').state === 'cancelled';
  }

  /**
   * Python's `future.cancel()`: a task no worker has taken yet never runs, and true is returned;
   * a running or finished one is not stopped, and false is returned. Not a switch point.
   */
  cancel(): boolean {
    return stateOf(this, 'cancel').cancel();
  }

  /** Python's `future.result()`: `await f.result()` waits for the value (or the exception), as `await f` does. */
  result(): Promise<T> {
    const state = stateOf(this, 'result') as FutureState<T>;
    const r = rt();
    return op(r, this, new Blocking<T>(r, 'Future.result()', { canGo: () => state.ready(), go: () => state.take() }));
  }

  /**
   * Python's `future.exception()`: `await f.exception()` waits for the task and resolves to what
   * it threw, or null when it returned; a cancelled future throws `CancelledError`. An exception
   * asked for this way counts as seen.
   */
  exception(): Promise<unknown> {
    const state = stateOf(this, 'exception');
    const r = rt();
    return op(
      r,
      this,
      new Blocking<unknown>(r, 'Future.exception()', {
        canGo: () => state.ready(),
        go: () => {
          state.awaited = true;
          if (state.state === 'cancelled') throw new CancelledError('the future was cancelled before its task ran');
          return state.state === 'failed' ? state.value : null;
        },
      }),
    );
  }
}

function stateOf(f: Future<unknown>, method: string): FutureState<unknown> {
  const state = waitOf(f);
  if (!(state instanceof FutureState)) throw argumentError(new TypeError(`Future.${method}(): not a future`));
  return state;
}

interface Job {
  fn: (...args: unknown[]) => unknown;
  args: unknown[];
  state: FutureState<unknown>;
}

const STOP = Symbol('stop');

/** A pool worker's thread: runs jobs until told to stop (see scheduler/coroutines.ts for why at module level). */
function* poolWorker(jobs: Queue<Job | typeof STOP>, finished: () => void): Coroutine {
  for (;;) {
    const job = (yield quietly(() => jobs.get())) as Job | typeof STOP;
    if (job === STOP) break;
    if (job.state.state === 'cancelled') continue;
    job.state.state = 'running';
    try {
      job.state.settle(true, yield job.fn(...job.args));
    } catch (e) {
      job.state.settle(false, e);
    }
  }
  finished();
  return undefined;
}

/**
 * A pool of worker threads, as Python's `concurrent.futures.ThreadPoolExecutor(max_workers)`.
 * Workers start as tasks arrive, up to `maxWorkers`.
 */
export class ThreadPoolExecutor {
  readonly #jobs = new Queue<Job | typeof STOP>();
  readonly #futures: FutureState<unknown>[] = [];
  #workers = 0;
  #finished = 0;
  #closed = false;
  readonly #id: number;
  readonly maxWorkers: number;

  constructor(maxWorkers = 4) {
    if (!Number.isInteger(maxWorkers) || maxWorkers < 1) {
      throw new ValueError(`ThreadPoolExecutor(${String(maxWorkers)}): max_workers must be greater than 0 (a whole number)`);
    }
    this.maxWorkers = maxWorkers;
    const r = rt();
    this.#id = r.nextId('ThreadPoolExecutor');
    r.onEnd(() => this.#checkUnobserved(r));
    if (new.target === ThreadPoolExecutor) Object.freeze(this);
  }

  /** Schedules `fn(...args)` on a worker; returns its future. */
  submit<A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>, ...args: A): Future<Awaited<R>> {
    const r = rt();
    if (this.#closed) throw new RuntimeError('ThreadPoolExecutor.submit(): cannot schedule new futures after shutdown');
    if (typeof fn !== 'function') throw argumentError(new TypeError('ThreadPoolExecutor.submit(fn, ...args): fn must be a function'));
    const state = new FutureState<Awaited<R>>();
    state.thread = r.currentThread;
    if (r.tracing) state.site = r.site();
    this.#futures.push(state as FutureState<unknown>);
    internal(quietly(() => this.#jobs.put({ fn: fn as Job['fn'], args, state: state as FutureState<unknown> })));
    if (this.#workers < this.maxWorkers) this.#startWorker(r);
    return new Future(MAKER, state);
  }

  /** Runs `fn` on every item; resolves to the results in order (the first exception is thrown). */
  map<T, R>(fn: (item: T) => R | PromiseLike<R>, items: Iterable<T>): Promise<Awaited<R>[]> {
    const r = rt();
    let list: T[];
    try {
      list = [...items];
    } catch {
      throw argumentError(new TypeError('ThreadPoolExecutor.map(fn, items): items must be iterable (an array, say)'));
    }
    const states = list.map((item) => waitOf(this.submit(fn, item)) as FutureState<Awaited<R>>);
    for (const s of states) s.awaited = true;
    return op(
      r,
      this,
      new Blocking<Awaited<R>[]>(r, 'ThreadPoolExecutor.map()', {
        canGo: () => states.every((s) => s.ready()),
        go: () => states.map((s) => s.take()),
      }),
    );
  }

  /**
   * No new tasks; with `wait` (the default), waits until every submitted task finished. With
   * `cancelFutures` (Python's `cancel_futures=True`), the tasks no worker has taken yet are cancelled.
   */
  shutdown(wait = true, cancelFutures = false): Promise<void> {
    const r = rt();
    if (cancelFutures) for (const f of this.#futures) f.cancel();
    if (!this.#closed) {
      this.#closed = true;
      for (let i = 0; i < this.#workers; i++) internal(quietly(() => this.#jobs.put(STOP)));
    }
    if (!wait) return done(r, this, undefined, 'ThreadPoolExecutor.shutdown(wait: false)');
    return op(
      r,
      this,
      new Blocking<void>(r, 'ThreadPoolExecutor.shutdown()', {
        canGo: () => this.#finished === this.#workers,
        go: () => undefined,
      }),
    );
  }

  #startWorker(r: Runtime): void {
    checkThreadRoom(r.learnerThreads, 'ThreadPoolExecutor.submit()');
    const n = ++this.#workers;
    const jobs = this.#jobs;
    const finished = (): void => {
      this.#finished++;
    };
    r.startThread(`ThreadPoolExecutor-${this.#id}_${n - 1}`, () => poolWorker(jobs, finished), false, true);
  }

  #checkUnobserved(r: Runtime): void {
    const lost = this.#futures.find((f) => f.state === 'failed' && !f.awaited);
    if (!lost) return;
    const text = `a task submitted to ThreadPoolExecutor threw ${describeError(lost.value)}, and nobody awaited its future (Interleave never hides it)`;
    // When the run already failed otherwise, the lost exception is told beside that failure.
    if (r.failed) r.note(`${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
    else r.fail('RTE', text, lost.value);
  }
}
