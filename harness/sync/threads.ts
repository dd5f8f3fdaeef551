import { RuntimeError } from './errors';
import { Blocking, checkTimeout, done, op, rt } from './op';
import type { Thread as RuntimeThread } from '../scheduler/thread';
import type { Coroutine } from '../scheduler/task';

/** What `currentThread()` tells about a thread. */
export interface ThreadInfo {
  readonly name: string;
  readonly ident: number;
}

/** The thread running this code. */
export function currentThread(): ThreadInfo {
  const t = rt().currentThread;
  if (t === null) throw new RuntimeError('currentThread(): called outside any thread (from a .then callback?); use await');
  return { name: t.name, ident: t.ident };
}

/** How many threads are alive now. */
export function activeCount(): number {
  return rt().liveThreads().length;
}

/** The live threads. */
export function enumerate(): ThreadInfo[] {
  return rt()
    .liveThreads()
    .map((t) => ({ name: t.name, ident: t.ident }));
}

/**
 * A value per thread, as Python's `threading.local`: each thread sees its own `value`.
 */
export class ThreadLocal<T> {
  private readonly values = new Map<RuntimeThread | null, T>();

  get value(): T | undefined {
    return this.values.get(rt().currentThread);
  }
  set value(v: T | undefined) {
    if (v === undefined) this.values.delete(rt().currentThread);
    else this.values.set(rt().currentThread, v);
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
  private thread: RuntimeThread | null = null;

  constructor(private readonly opts: ThreadOptions) {
    if (typeof opts?.target !== 'function') throw new TypeError('new Thread({ target }): target must be a function');
    this.name = opts.name ?? `Thread-${rt().nextId('Thread')}`;
  }

  /** Starts the thread; it runs from the next switch point on. */
  start(): Promise<void> {
    const r = rt();
    if (this.thread !== null) throw new RuntimeError(`Thread.start(): thread ${this.name} can only be started once`);
    const { target, args = [] } = this.opts;
    function* body(): Coroutine {
      return yield target(...args);
    }
    this.thread = r.startThread(this.name, body, false, this.opts.daemon === true);
    return done(r, undefined, `Thread.start() ${this.name}`);
  }

  /** Waits until the thread finished (or `timeout` ms passed). */
  join(timeout?: number): Promise<void> {
    const r = rt();
    checkTimeout('Thread.join()', timeout);
    const t = this.thread;
    if (t === null) throw new RuntimeError(`Thread.join(): cannot join thread ${this.name} before it is started`);
    if (t === r.currentThread) throw new RuntimeError('Thread.join(): cannot join the current thread');
    return op(
      r,
      new Blocking<void>(r, `Thread.join() ${this.name}`, {
        canGo: () => t.done,
        go: () => undefined,
        timeout,
        timedOut: () => undefined,
      }),
    );
  }

  isAlive(): boolean {
    return this.thread !== null && !this.thread.done;
  }

  get ident(): number | null {
    return this.thread?.ident ?? null;
  }
}
