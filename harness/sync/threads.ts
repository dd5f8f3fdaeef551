import { RuntimeError, argumentError } from './errors';
import { Blocking, checkTimeout, done, op, rt } from './op';
import type { Thread as RuntimeThread } from '../scheduler/thread';
import type { Coroutine } from '../scheduler/task';
import { tooManyThreadsMessage } from '../scheduler/words';

/** What `currentThread()` tells about a thread. */
export interface ThreadInfo {
  readonly name: string;
  readonly ident: number;
}

/** A thread's body: its target called with its arguments (see scheduler/coroutines.ts for why at module level). */
function* threadBody(target: (...a: unknown[]) => unknown, args: readonly unknown[]): Coroutine {
  return yield target(...args);
}

function info(t: RuntimeThread): ThreadInfo {
  return Object.freeze({ name: t.name, ident: t.ident });
}

/** The thread running this code. */
export function currentThread(): ThreadInfo {
  const t = rt().currentThread;
  if (t === null) throw new RuntimeError('currentThread(): called outside any thread');
  return info(t);
}

/** How many threads are alive now. */
export function activeCount(): number {
  return rt().liveThreads().length;
}

/** Python's spellings. */
export const current_thread = currentThread;
export const active_count = activeCount;

/** The live threads. */
export function enumerate(): ThreadInfo[] {
  return Object.freeze(rt().liveThreads().map(info)) as ThreadInfo[];
}

/**
 * A value per thread, as Python's `threading.local`: each thread sees its own `value`.
 */
export class ThreadLocal<T> {
  readonly #values = new Map<RuntimeThread | null, T>();

  constructor() {
    if (new.target === ThreadLocal) Object.freeze(this);
  }

  get value(): T | undefined {
    return this.#values.get(rt().currentThread);
  }
  set value(v: T | undefined) {
    if (v === undefined) this.#values.delete(rt().currentThread);
    else this.#values.set(rt().currentThread, v);
  }
  /** Same as `value`. */
  get(): T | undefined {
    return this.value;
  }
  set(v: T): void {
    this.value = v;
  }
}

export interface ThreadOptions {
  target: (...args: any[]) => unknown;
  args?: unknown[];
  name?: string;
  /** A daemon thread does not keep the run alive. */
  daemon?: boolean;
}

/**
 * A thread the learner starts, as Python's `threading.Thread(target=…, args=…)`.
 * An exception in `target` is a run-time error of the whole run: never swallowed.
 */
export class Thread {
  readonly name: string;
  #thread: RuntimeThread | null = null;
  readonly #target: (...args: unknown[]) => unknown;
  readonly #args: unknown[];
  readonly #daemon: boolean;

  constructor(opts: ThreadOptions) {
    const target = opts?.target;
    if (typeof target !== 'function') throw argumentError(new TypeError('new Thread({ target }): target must be a function'));
    this.#target = target;
    this.#args = [...(opts.args ?? [])];
    this.#daemon = opts.daemon === true;
    this.name = opts.name === undefined ? `Thread-${rt().nextId('Thread')}` : String(opts.name);
    if (new.target === Thread) Object.freeze(this);
  }

  /** Starts the thread; it runs from the next switch point on. */
  start(): Promise<void> {
    const r = rt();
    if (this.#thread !== null) throw new RuntimeError(`Thread.start(): thread ${this.name} can only be started once`);
    checkThreadRoom(r.learnerThreads, 'Thread.start()');
    const target = this.#target;
    const args = this.#args;
    this.#thread = r.startThread(this.name, () => threadBody(target, args), false, this.#daemon, this.#daemon);
    return done(r, this, undefined, `Thread.start() ${this.name}`);
  }

  /** Waits until the thread finished (or `timeout` ms passed). */
  join(timeout?: number): Promise<void> {
    const r = rt();
    checkTimeout('Thread.join()', timeout);
    const t = this.#thread;
    if (t === null) throw new RuntimeError(`Thread.join(): cannot join thread ${this.name} before it is started`);
    if (t === r.currentThread) throw new RuntimeError('Thread.join(): cannot join the current thread');
    return op(
      r,
      this,
      new Blocking<void>(r, `Thread.join() ${this.name}`, {
        canGo: () => t.done,
        go: () => undefined,
        timeout,
        timedOut: () => undefined,
      }),
    );
  }

  isAlive(): boolean {
    return this.#thread !== null && !this.#thread.done;
  }

  /** Python's spelling. */
  is_alive(): boolean {
    return this.isAlive();
  }

  get ident(): number | null {
    return this.#thread?.ident ?? null;
  }
}

/** Threads learner code may start in one run, as a process may (CPython's runner is held to about as many). */
const MAX_THREADS = 1024;

/**
 * Refuses a thread past MAX_THREADS, as CPython refuses one past what the process may have
 * ("can't start new thread"): 200,000 threads took the job's whole CPU time, a TLE with no line.
 */
export function checkThreadRoom(started: number, what: string): void {
  if (started >= MAX_THREADS) {
    throw new RuntimeError(tooManyThreadsMessage(what, MAX_THREADS));
  }
}
