import { QueueEmpty, QueueFull, ValueError } from './errors';
import { describeValue } from '../scheduler/describe-error';
import { Blocking, checkTimeout, done, failed, op, readOptions, rt, type BlockingOptions } from './op';

/** Reads a queue's items (set in the class's static block: they are private to it). */
let readItems: (q: Queue<unknown>) => readonly unknown[];

/**
 * The items in `q` now, first out first: for the judge's own use (Python's read-only `q.queue`),
 * not part of the learner's API.
 */
export function queueItems(q: Queue<unknown>): readonly unknown[] {
  return readItems(q);
}

/**
 * A FIFO queue for threads, as Python's `queue.Queue`: `put` waits while it is full (when
 * `maxsize > 0`), `get` waits while it is empty. `taskDone` and `join` count finished items.
 */
export class Queue<T> {
  #items: T[] = [];
  #unfinished = 0;
  readonly maxsize: number;

  constructor(maxsize = 0) {
    if (!Number.isInteger(maxsize)) throw new ValueError(`Queue(${String(maxsize)}): maxsize must be an integer`);
    this.maxsize = maxsize;
    if (new.target === Queue) Object.freeze(this);
  }

  /** Puts an item, waiting for room; QueueFull with `blocking: false` or past the timeout. */
  put(item: T, options?: BlockingOptions | boolean): Promise<void> {
    const r = rt();
    const opts = readOptions(options);
    const blocking = opts.blocking !== false;
    checkTimeout('Queue.put()', opts.timeout, blocking);
    if (!this.full()) {
      this.#push(item);
      return done(r, this, undefined, 'Queue.put()', r.tracing ? `size ${this.#items.length}` : undefined);
    }
    if (!blocking) return failed(r, this, new QueueFull('Queue.put(): the queue is full'), 'Queue.put()');
    return op(
      r,
      this,
      new Blocking<void>(r, 'Queue.put()', {
        canGo: () => !this.full(),
        go: () => this.#push(item),
        timeout: opts.timeout,
        timedOut: () => {
          throw new QueueFull(`Queue.put(): still full after ${opts.timeout} ms`);
        },
        outcome: () => `size ${this.#items.length}`,
      }),
    );
  }

  /** Takes the oldest item, waiting for one; QueueEmpty with `blocking: false` or past the timeout. */
  get(options?: BlockingOptions | boolean): Promise<T> {
    const r = rt();
    const opts = readOptions(options);
    const blocking = opts.blocking !== false;
    checkTimeout('Queue.get()', opts.timeout, blocking);
    if (this.#items.length > 0) {
      const item = this.#items.shift() as T;
      // The item taken, as a get that had to wait shows it: the row of a FIFO order broken.
      return done(r, this, item, 'Queue.get()', r.tracing ? describeValue(item) : undefined);
    }
    if (!blocking) return failed(r, this, new QueueEmpty('Queue.get(): the queue is empty'), 'Queue.get()');
    return op(
      r,
      this,
      new Blocking<T>(r, 'Queue.get()', {
        canGo: () => this.#items.length > 0,
        go: () => this.#items.shift() as T,
        timeout: opts.timeout,
        timedOut: () => {
          throw new QueueEmpty(`Queue.get(): still empty after ${opts.timeout} ms`);
        },
      }),
    );
  }

  /** `put` without waiting. */
  putNowait(item: T): Promise<void> {
    return this.put(item, { blocking: false });
  }

  /** `get` without waiting. */
  getNowait(): Promise<T> {
    return this.get({ blocking: false });
  }

  /**
   * Marks one item taken with `get` as processed (for `join`). A switch point, like every
   * operation: a thread waiting in `join()` may run at once.
   */
  taskDone(): Promise<void> {
    const r = rt();
    if (this.#unfinished <= 0) throw new ValueError('Queue.taskDone(): called more times than there were items');
    this.#unfinished--;
    return done(r, this, undefined, 'Queue.taskDone()');
  }

  /** Python's spelling. */
  put_nowait(item: T): Promise<void> {
    return this.putNowait(item);
  }

  /** Python's spelling. */
  get_nowait(): Promise<T> {
    return this.getNowait();
  }

  /** Python's spelling. */
  task_done(): Promise<void> {
    return this.taskDone();
  }

  /** Waits until every item put has been marked done with `taskDone`. */
  join(): Promise<void> {
    const r = rt();
    if (this.#unfinished === 0) return done(r, this, undefined, 'Queue.join()');
    return op(r, this, new Blocking<void>(r, 'Queue.join()', { canGo: () => this.#unfinished === 0, go: () => undefined }));
  }

  /** Items in the queue now. */
  qsize(): number {
    return this.#items.length;
  }

  empty(): boolean {
    return this.#items.length === 0;
  }

  full(): boolean {
    return this.maxsize > 0 && this.#items.length >= this.maxsize;
  }

  static {
    readItems = (q) => [...q.#items];
  }

  #push(item: T): void {
    this.#items.push(item);
    this.#unfinished++;
  }
}
