/**
 * The controlled runtime of one run: threads made of tasks, a strategy that picks which runnable
 * task goes next at every switch point, a virtual clock, and a record of what happened. Learner
 * code never runs concurrently with the scheduler: a resumed task runs until its next `await`,
 * which hands control back here, so the current thread is always known without async_hooks.
 */
import type { BlockedThread, SourceSite, TraceStep, Verdict } from '../judge/result';
import type { ChoiceKind, Strategy } from '../strategies/strategy';
import { Rng } from '../strategies/rng';
import { Clock } from './clock';
import { Task, TaskResult, type Coroutine } from './task';
import { Thread } from './thread';
import { AfterStart, ForeignWait, Ready, STILL_WAITING, Wait } from './wait';

/** What the checker sees of a run: the harness's calls into the solution and what it printed. */
export type RunEvent =
  | { kind: 'call'; thread: number; method: string; args: unknown[]; step: number }
  | { kind: 'return'; thread: number; method: string; value: unknown; step: number }
  | { kind: 'emit'; thread: number; callback: string; value: string; step: number; index: number }
  | { kind: 'read'; name: string; value: unknown; step: number };

export interface RuntimeOptions {
  strategy: Strategy;
  /** Scheduling steps before the run is a livelock (TLE). */
  budget: number;
  /** Seeds `Math.random()` of the learner. */
  dataSeed: number;
  /** Record a trace with the learner's source lines (slower: used to explain a failure). */
  tracing: boolean;
  /** The learner's line that called into the judge (only while tracing). */
  captureSite?: () => SourceSite | undefined;
  /**
   * While tracing, only steps up to `head` and from `tailFrom` on are traced (a livelock's replay
   * would otherwise capture a stack at every one of its many steps).
   */
  traceWindow?: { head: number; tailFrom: number };
  /** Incremental check: a message fails the run as WA the moment the event happens. */
  onEvent?: (event: RunEvent, events: readonly RunEvent[]) => string | null;
}

export interface RunOutcome {
  /** `OK` when the run ended with every thread done and no check failed (final checks follow). */
  verdict: Verdict | 'OK';
  message?: string;
  error?: unknown;
  steps: number;
  decisions: number[];
  events: RunEvent[];
  trace: TraceStep[];
  blocked?: BlockedThread[];
  notes: string[];
  threads: string[];
  busyWaiting: boolean;
}

/** What a new task waits on: nothing. */
const START = new Ready(undefined, 'start');

/** Thrown out of a run to stop it: the judge's own signal, never the learner's. */
class RunHalted extends Error {}

const MAX_TRACE = 20_000;
/** Yields (yieldThread, sleep) by one thread in one run from which it is busy-waiting. */
const BUSY_WAIT_YIELDS = 3;

export class Runtime {
  readonly clock = new Clock();
  readonly threads: Thread[] = [];
  readonly events: RunEvent[] = [];
  readonly trace: TraceStep[] = [];
  readonly notes: string[] = [];
  readonly decisions: number[] = [];
  readonly random: Rng;
  /** The thread whose code runs now; null between steps and in foreign promise callbacks. */
  currentThread: Thread | null = null;
  steps = 0;
  private tasks: Task[] = [];
  private nextTaskId = 0;
  /** The thread that ran the last step: its runnable task is the strategy's "current". */
  private lastThread: Thread | null = null;
  private lastYielded = false;
  private foreignPending = 0;
  private failure: { verdict: Verdict; message: string; error?: unknown; blocked?: BlockedThread[] } | null =
    null;
  private readonly noted = new Set<string>();
  private readonly mainThread: Thread;
  private readonly endChecks: Array<() => void> = [];
  private readonly counters = new Map<string, number>();
  private lastCallback: Task | null = null;
  /** Trace rows left out between the window's head and tail. */
  private untraced = 0;

  constructor(readonly opts: RuntimeOptions) {
    this.random = new Rng(opts.dataSeed);
    this.mainThread = this.newThread('main', true);
    this.mainThread.done = true;
  }

  get tracing(): boolean {
    return this.opts.tracing;
  }

  /** The learner's line calling into the judge now, when tracing. */
  site(): SourceSite | undefined {
    return this.opts.tracing && this.opts.captureSite && this.inTraceWindow() ? this.opts.captureSite() : undefined;
  }

  private inTraceWindow(): boolean {
    const w = this.opts.traceWindow;
    return w === undefined || this.steps <= w.head || this.steps >= w.tailFrom;
  }

  // ----- threads and tasks -------------------------------------------------------------------

  private newThread(name: string, harness: boolean): Thread {
    const t = new Thread(this.threads.length, name, harness);
    this.threads.push(t);
    return t;
  }

  /** Runs `fn` as the main thread, before any thread starts: the constructor. */
  runAsMain<T>(fn: () => T): T {
    const prev = this.currentThread;
    this.currentThread = this.mainThread;
    try {
      return fn();
    } finally {
      this.currentThread = prev;
      // The constructor may use primitives without awaiting: they take effect at once there.
      this.segmentOps.length = 0;
    }
  }

  /** Runs the launcher (which starts the problem's threads) as the main thread's task. */
  launch(body: () => Coroutine): void {
    this.spawnBody(this.mainThread, body);
  }

  /** Starts a thread whose body is a coroutine; it becomes runnable at the next step. */
  startThread(name: string, body: () => Coroutine, harness: boolean, daemon = false): Thread {
    const thread = this.newThread(name, harness);
    thread.daemon = daemon;
    this.spawnBody(thread, body);
    if (this.tracing) this.record(thread, 'start', `started`);
    return thread;
  }

  /** A thread's body task: the thread is done when it is. */
  private spawnBody(thread: Thread, body: () => Coroutine): void {
    thread.done = false;
    const task = this.spawn(thread, body(), thread.name);
    task.result.onSettle(() => {
      thread.done = true;
    });
  }

  /** A new task of `thread`, runnable once `waiting` is ready (at once by default). */
  private spawn(thread: Thread, gen: Coroutine, label: string, waiting: Wait | null = START): Task {
    const task = new Task(this.nextTaskId++, thread, gen, label);
    task.waiting = waiting;
    this.tasks.push(task);
    return task;
  }

  /**
   * esbuild's `__async` helper, replaced: an `async` function call becomes a task of the calling
   * thread that runs at once until its first `await`, as a native async function does.
   */
  async(thisArg: unknown, args: unknown, fn: (...a: unknown[]) => Coroutine, label = 'async'): TaskResult {
    const thread = this.currentThread ?? this.mainThread;
    const task = this.spawn(thread, fn.apply(thisArg, (args as unknown[] | null) ?? []), label, null);
    task.started = true;
    const prev = this.currentThread;
    this.currentThread = thread;
    try {
      this.advance(task, undefined, false);
    } finally {
      this.currentThread = prev;
    }
    return task.result;
  }

  /** Runs `fn` as a new task of `thread` at a later step (a timer's callback). */
  spawnCallback(thread: Thread, fn: () => unknown, label: string): void {
    function* body(): Coroutine {
      return yield fn();
    }
    // Timers run in the order they fired, as in JavaScript: each starts after the one before.
    const before = this.lastCallback;
    this.lastCallback = this.spawn(thread, body(), label, before && !before.started ? new AfterStart(before) : START);
  }

  /** Registers a check to run when every thread is done (unobserved future failures). */
  onEnd(check: () => void): void {
    this.endChecks.push(check);
  }

  /** A task of the current thread that waits on `wait`; bridges to a native promise. */
  adopt(wait: Wait): Promise<unknown> {
    if (wait instanceof TaskResult) wait.observed = true;
    const self = this;
    const result = this.async(null, null, function* () {
      return yield wait;
    }, wait.describe());
    result.observed = true;
    return new Promise((resolve, reject) => {
      result.onSettle(() => (result.ok ? resolve(result.value) : reject(result.value)));
      // The bridge settles a native promise: its reactions run in the microtask queue, which the
      // loop drains before it decides the next step.
      self.foreignPending++;
      result.onSettle(() => queueMicrotask(() => self.foreignPending--));
    });
  }

  /** Operations the running task started since its last switch point. */
  private segmentOps: Wait[] = [];
  /** Tasks that failed with nobody awaiting them yet, checked when the step ends. */
  private unobserved: Task[] = [];

  /** Ends a step: failures nobody awaited are run-time errors, never swallowed. */
  private endStep(): void {
    if (this.segmentOps.length > 0 && this.lastThread) this.checkUnawaited(this.lastThread);
    if (this.unobserved.length === 0) return;
    for (const t of this.unobserved) {
      if (!t.result.observed) {
        this.fail('RTE', `${describeError(t.result.value)} (in thread ${t.thread.name})`, t.result.value);
        break;
      }
    }
    this.unobserved.length = 0;
  }

  /** Remembers a learner's operation, to tell when nobody awaited it. */
  tracked(w: Wait): void {
    this.segmentOps.push(w);
  }

  /**
   * At a switch point: an operation nobody awaited lost its switch point. One whose effect is
   * still to come (a blocked acquire) goes on as a background task of the thread, so it still
   * takes effect when it can.
   */
  private checkUnawaited(thread: Thread): void {
    const ops = this.segmentOps;
    this.segmentOps = [];
    for (const op of ops) {
      if (op.awaited) continue;
      const pending = !(op instanceof Ready);
      if (pending) this.background(thread, op);
      if (!this.tracing) continue;
      const where = op.site ? ` at ${op.site.file}:${op.site.line}` : '';
      const effect = pending ? 'it still takes effect when it can' : 'its effect happened';
      this.note(`${op.describe()}${where} was not awaited: ${effect}, but the switch point after it was lost. Write \`await\` before it.`);
      this.record(thread, 'note', `${op.describe()} not awaited`, op.site);
    }
  }

  /** A task of `thread` that only waits on `w` (an un-awaited operation). */
  private background(thread: Thread, w: Wait): void {
    w.awaited = true;
    function* body(): Coroutine {
      return yield w;
    }
    this.spawn(thread, body(), w.describe()).result.observed = true;
  }

  private toWait(value: unknown): Wait {
    if (value instanceof Wait) {
      value.awaited = true;
      if (value instanceof TaskResult) value.observed = true;
      return value;
    }
    if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
      const then = (value as { then?: unknown }).then;
      if (typeof then === 'function') {
        this.foreignPending++;
        return new ForeignWait(value as PromiseLike<unknown>, () => this.foreignPending--);
      }
    }
    return new Ready(value, 'await');
  }

  /** Runs a task's coroutine from `input` until its next `await` or its end. */
  private advance(task: Task, input: unknown, isThrow: boolean): void {
    let r: IteratorResult<unknown, unknown>;
    try {
      r = isThrow ? task.gen.throw(input) : task.gen.next(input);
    } catch (e) {
      if (e instanceof RunHalted) throw e;
      this.finish(task, false, e);
      return;
    }
    if (r.done) {
      this.finish(task, true, r.value);
      return;
    }
    const w = this.toWait(r.value);
    task.waiting = w;
    if (w.yields) {
      this.lastYielded = true;
      task.thread.yields++;
    }
    if (this.tracing) {
      task.blocked = !w.ready();
      // Waiting for a nested async call is not news: the call's own waits are traced.
      if (task.blocked && !(w instanceof TaskResult)) this.record(task.thread, 'block', `waits in ${w.describe()}`, w.site);
    }
  }

  private finish(task: Task, ok: boolean, value: unknown): void {
    task.done = true;
    task.waiting = null;
    const i = this.tasks.indexOf(task);
    if (i >= 0) this.tasks.splice(i, 1);
    task.result.settle(ok, value);
    // Like an unhandled rejection: a caller may still await it later in this same step.
    if (!ok && !task.result.observed) this.unobserved.push(task);
    if (this.tracing && task.thread.harness === false && task.label === task.thread.name) {
      this.record(task.thread, 'end', ok ? 'finished' : 'threw');
    }
  }

  // ----- the loop ----------------------------------------------------------------------------

  /** Runs until every thread is done, a check fails, the threads deadlock or the budget runs out. */
  async run(): Promise<RunOutcome> {
    const { strategy, budget } = this.opts;
    const runnable: Task[] = [];
    const ids: number[] = [];
    try {
      for (;;) {
        if (this.failure) break;
        if (this.foreignPending > 0) {
          // A foreign promise may settle in the microtask queue: let it before deciding.
          await drainMicrotasks();
          if (this.failure) break;
        }
        runnable.length = 0;
        ids.length = 0;
        for (const t of this.tasks) {
          if (t.waiting !== null && t.waiting.ready()) {
            runnable.push(t);
            ids.push(t.id);
          }
        }
        if (runnable.length === 0) {
          if (this.clock.advance(this)) {
            this.steps++;
            if (this.steps > budget) this.budgetExceeded();
            continue;
          }
          if (this.threads.every((t) => t.done || t.daemon)) {
            for (const check of this.endChecks) check();
            break;
          }
          this.deadlock();
          break;
        }
        let index = 0;
        if (runnable.length > 1) {
          // A thread may go on in another task (a nested call, its return): current is the thread's.
          let current = -1;
          for (const t of runnable) {
            if (t.thread === this.lastThread) {
              current = t.id;
              break;
            }
          }
          index = strategy.pick(ids, current, this.lastYielded);
          this.decisions.push(index);
        }
        const task = runnable[index];
        this.steps++;
        if (this.steps > budget) this.budgetExceeded();
        this.resume(task);
        this.endStep();
      }
    } catch (e) {
      if (!(e instanceof RunHalted)) throw e;
    } finally {
      this.currentThread = null;
    }
    return this.snapshot();
  }

  private resume(task: Task): void {
    const w = task.waiting!;
    this.lastYielded = false;
    this.lastThread = task.thread;
    task.started = true;
    this.currentThread = task.thread;
    let value: unknown;
    let isThrow = false;
    try {
      value = w.take();
    } catch (e) {
      if (e instanceof RunHalted) throw e;
      value = e;
      isThrow = true;
    }
    if (value === STILL_WAITING) {
      this.currentThread = null;
      return;
    }
    task.waiting = null;
    if (this.tracing) this.traceResume(task, w, value, isThrow);
    this.advance(task, value, isThrow);
    this.currentThread = null;
  }

  private traceResume(task: Task, w: Wait, value: unknown, isThrow: boolean): void {
    if (w instanceof TaskResult) return;
    const text = w.describe();
    if (text === 'start' || text === 'await') return;
    const out = isThrow ? `threw ${describeError(value)}` : w.outcome(value);
    const kind = task.blocked ? 'wake' : 'op';
    this.record(task.thread, kind, out ? `${text} → ${out}` : text, w.site);
  }

  private budgetExceeded(): never {
    this.failure = {
      verdict: 'TLE',
      message: `the run took more than ${this.opts.budget.toLocaleString('en-US')} scheduling steps without finishing (a livelock, or spinning that never ends)`,
    };
    throw new RunHalted();
  }

  private deadlock(): void {
    const blocked: BlockedThread[] = [];
    for (const t of this.tasks) {
      // A task waiting for a nested call's result is blocked where that call is.
      if (t.thread.done || t.thread.daemon || t.waiting === null || t.waiting instanceof TaskResult) continue;
      blocked.push({ thread: t.thread.name, waitsIn: t.waiting.describe(), site: t.waiting.site });
    }
    const order = new Map(this.threads.map((t) => [t.name, t.index]));
    blocked.sort((a, b) => (order.get(a.thread) ?? 0) - (order.get(b.thread) ?? 0));
    const names = [...new Set(blocked.map((b) => b.thread))];
    this.failure = {
      verdict: 'DL',
      message: `deadlock: ${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} blocked and no thread can proceed`,
      blocked,
    };
  }

  // ----- what learner code and primitives call ------------------------------------------------

  /** Fails the run (the first failure wins) and stops it at the next step. */
  fail(verdict: Verdict, message: string, error?: unknown): void {
    if (this.failure === null) this.failure = { verdict, message, error };
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  /** A bounded choice the strategy makes, recorded for replay. */
  choose(bound: number, kind: ChoiceKind): number {
    if (bound <= 1) return 0;
    const c = this.opts.strategy.choose(bound, kind);
    this.decisions.push(c);
    return c;
  }

  /** 1, 2, 3… per key and per run: names that do not depend on earlier runs. */
  nextId(key: string): number {
    const n = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, n);
    return n;
  }

  /** A note for the learner, once per distinct text. */
  note(text: string): void {
    if (this.noted.has(text)) return;
    this.noted.add(text);
    this.notes.push(text);
  }

  /** Records an event for the checker and checks it at once. */
  event(ev: RunEvent): void {
    this.events.push(ev);
    if (this.opts.onEvent && this.failure === null) {
      let msg: string | null;
      try {
        msg = this.opts.onEvent(ev, this.events);
      } catch (e) {
        // The checker is the judge's code: its fault must never become the learner's RTE.
        this.fail('JE', `the problem's checker failed: ${describeError(e)}`, e);
        return;
      }
      if (msg !== null) this.fail('WA', msg);
    }
  }

  /** A trace row (tracing only). */
  record(thread: Thread, kind: TraceStep['kind'], text: string, site?: SourceSite): void {
    if (!this.tracing || this.trace.length >= MAX_TRACE) return;
    if (!this.inTraceWindow()) {
      this.untraced++;
      return;
    }
    if (this.untraced > 0) {
      this.trace.push({ step: this.steps, thread: 0, kind: 'note', text: `… ${this.untraced} trace rows left out …` });
      this.untraced = 0;
    }
    const row: TraceStep = { step: this.steps, thread: thread.index, kind, text };
    if (site) row.site = site;
    if (this.clock.now > 0) row.time = this.clock.now;
    this.trace.push(row);
  }

  /** Live threads (for `activeCount()` and `enumerate()`). */
  liveThreads(): Thread[] {
    return this.threads.filter((t) => !t.done && t.index !== 0);
  }

  /** What the run has come to so far. */
  snapshot(): RunOutcome {
    const f = this.failure;
    return {
      verdict: f ? f.verdict : 'OK',
      message: f?.message,
      error: f?.error,
      blocked: f?.blocked,
      steps: this.steps,
      decisions: this.decisions,
      events: this.events,
      trace: this.trace,
      notes: this.notes,
      threads: this.threads.map((t) => t.name),
      // A thread that gives the processor up again and again while it waits: it spins.
      busyWaiting: this.threads.some((t) => t.yields >= BUSY_WAIT_YIELDS),
    };
  }
}

/** One line about a thrown value, for messages. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  try {
    return `${typeof e === 'string' ? e : JSON.stringify(e)} (a thrown value that is not an Error)`;
  } catch {
    return String(e);
  }
}

/** Lets every pending microtask run (a foreign promise chain may take several hops). */
function drainMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
