/**
 * The controlled runtime of one run: threads made of tasks, a strategy that picks which runnable
 * task goes next at every switch point, a virtual clock, and a record of what happened. Learner
 * code never runs concurrently with the scheduler: a resumed task runs until its next `await`,
 * which hands control back here, so the current thread is always known without async_hooks.
 */
import type { BlockedThread, SourceSite, TraceStep, Verdict } from '../model/result';
import { TIME_PASSES, type ChoiceKind, type Strategy } from '../strategies/strategy';
import { Rng } from '../strategies/rng';
import { Clock } from './clock';
import { describeError } from './describe-error';
import { handOut, waitOf } from './operation';
import { Task, TaskResult, type Coroutine } from './task';
import { Thread } from './thread';
import { ThreadPromise } from './thread-promise';
import { AfterStart, Failed, ForeignWait, Ready, STILL_WAITING, Wait } from './wait';

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
  /**
   * The learner's line that called into the judge (only while tracing); `skip` passes over that
   * many learner frames (an async function's own frame, to find its caller).
   */
  captureSite?: (skip?: number) => SourceSite | undefined;
  /**
   * While tracing, only steps up to `head` and from `tailFrom` on are traced (a livelock's replay
   * would otherwise capture a stack at every one of its many steps).
   */
  traceWindow?: { head: number; tailFrom: number };
  /** Incremental check: a message fails the run as WA the moment the event happens. */
  onEvent?: (event: RunEvent, events: readonly RunEvent[]) => string | null;
  /**
   * Called once, at the step where the last of the harness's calls returned: the problem's final
   * reads happen here, so work a method left running cannot repair the result afterwards.
   */
  onHarnessDone?: () => void;
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
  /** How often the running thread changed from one step to the next. */
  switches: number;
}

/** What a new task waits on: nothing. */
const START = Ready.silent('start');

/** Thrown out of a run to stop it: the judge's own signal, never the learner's. */
class RunHalted extends Error {}

/**
 * What a loop guard throws into learner code to stop an endless loop: frozen, empty, without a
 * prototype, so a learner who catches it holds nothing of the judge (and it cannot be forged).
 */
const LOOP_HALT: object = Object.freeze(Object.create(null));

/** Loop rounds without a switch point before the loop is stopped as endless (TLE). */
export const LOOP_LIMIT = 10_000_000;

/** The strategy's candidate "time passes to the next deadline" (see TIME_PASSES). */
const CLOCK = Symbol('time passes');


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
  /** Steps where another thread ran than in the step before. */
  switches = 0;
  /** The run is over: callbacks it left behind do nothing. */
  done = false;
  /** Loop guard calls since the last switch point. */
  private loopRounds = 0;
  /** Where each guarded loop of the submission is (given by the loader with every guard call). */
  private loopSite: ((id: number) => SourceSite | undefined) | null = null;
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
  /** A promise reaction may be queued: let the microtask queue run before the next decision. */
  private microtasks = false;
  private harnessDone = false;

  constructor(readonly opts: RuntimeOptions) {
    this.random = new Rng(opts.dataSeed);
    this.mainThread = this.newThread('main', true);
    this.mainThread.done = true;
  }

  get tracing(): boolean {
    return this.opts.tracing;
  }

  /** The learner's line calling into the judge now, when tracing. */
  site(skip = 0): SourceSite | undefined {
    return this.opts.tracing && this.opts.captureSite && this.inTraceWindow() ? this.opts.captureSite(skip) : undefined;
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
    this.loopRounds = 0;
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
      if (thread.harness) this.checkHarnessDone();
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
   * esbuild's `__async` helper, replaced: an `async` function call of learner code becomes a task
   * of the calling thread that runs at once until its first `await`, as a native async function
   * does. The learner gets an operation to await; a call nobody awaits is noted.
   */
  async(thisArg: unknown, args: unknown, fn: (...a: unknown[]) => Coroutine): Promise<unknown> {
    const thread = this.currentThread ?? this.mainThread;
    const result = this.call(thread, thisArg, args, fn, 'async');
    result.thread = thread;
    // The call's line: past the async function's own frame (where esbuild put its driver call).
    if (this.tracing) result.site = this.site(1);
    this.segmentOps.push(result);
    return handOut(result);
  }

  /** Runs `fn` as a new task of `thread`, at once until its first `await`. */
  private call(thread: Thread, thisArg: unknown, args: unknown, fn: (...a: unknown[]) => Coroutine, label: string): TaskResult {
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
  spawnCallback(thread: Thread | null, fn: () => unknown, label: string): void {
    function* body(): Coroutine {
      return yield fn();
    }
    // Timers run in the order they fired, as in JavaScript: each starts after the one before.
    const before = this.lastCallback;
    this.lastCallback = this.spawn(thread ?? this.mainThread, body(), label, before && !before.started ? new AfterStart(before) : START);
  }

  /** Registers a check to run when every thread is done (unobserved future failures). */
  onEnd(check: () => void): void {
    this.endChecks.push(check);
  }

  /**
   * `.then` on an operation (directly, or through `Promise.all`, `Promise.resolve`): a task of the
   * thread that started the operation waits for it and settles a promise whose callbacks run as
   * that thread. An operation of a run that is over never settles.
   */
  thenOf(wait: Wait, onfulfilled: unknown, onrejected: unknown): Promise<unknown> {
    wait.awaited = true;
    if (wait instanceof TaskResult) wait.observed = true;
    const owner = wait.thread;
    if (owner !== null && this.threads[owner.index] !== owner) return Object.freeze(new ThreadPromise<never>(() => {}));
    const thread = owner ?? this.currentThread ?? this.mainThread;
    const result = this.call(
      thread,
      null,
      null,
      function* () {
        return yield wait;
      },
      wait.describe(),
    );
    result.observed = true;
    const bridged = new ThreadPromise<unknown>((resolve, reject) => {
      result.onSettle(() => (result.ok ? resolve(result.value) : reject(result.value)));
    });
    const prev = this.currentThread;
    this.currentThread = thread;
    try {
      // Frozen, not walked: Node may keep its async context on a promise (a test runner's state).
      return Object.freeze(bridged.then(onfulfilled as never, onrejected as never));
    } finally {
      this.currentThread = prev;
    }
  }

  /**
   * A callback of a promise reaction that runs as `thread`; it does nothing once its run is over
   * (a job leaves no callbacks behind for the next).
   */
  inThread<A extends unknown[], R>(thread: Thread | null, fn: ((...a: A) => R) | null | undefined): ((...a: A) => R) | undefined {
    if (typeof fn !== 'function') return undefined;
    return (...a: A): R => {
      if (this.done) return undefined as R;
      const prev = this.currentThread;
      this.currentThread = thread ?? this.mainThread;
      try {
        return fn(...a);
      } finally {
        this.currentThread = prev;
        this.microtasks = true;
      }
    };
  }

  /** A learner promise settled or got a reaction: the microtask queue may have work. */
  promiseActivity(): void {
    this.microtasks = true;
  }

  /** Operations the running task started since its last switch point. */
  private segmentOps: Wait[] = [];
  /** Tasks that failed with nobody awaiting them yet, checked when the step ends. */
  private unobserved: Task[] = [];

  /** Ends a step: failures nobody awaited are run-time errors, never swallowed. */
  private endStep(): void {
    if (this.segmentOps.length > 0) this.checkUnawaited();
    if (this.unobserved.length === 0) return;
    for (const t of this.unobserved) {
      if (!t.result.observed) {
        this.fail('RTE', `${describeError(t.result.value)} (in thread ${t.thread.name})`, t.result.value);
        break;
      }
    }
    this.unobserved.length = 0;
  }

  /**
   * Remembers a learner's operation, to tell when nobody awaited it. One that did not wait (a
   * `set`, a `release`, an acquire of a free lock) took effect now: its trace row stands here, at
   * the step of its effect, not where its thread next runs.
   */
  tracked(w: Wait): void {
    w.thread = this.currentThread;
    this.segmentOps.push(w);
    if (this.tracing && w instanceof Ready && !w.silent) {
      const out = w.outcome(undefined);
      this.record(w.thread ?? this.mainThread, 'op', out ? `${w.describe()} → ${out}` : w.describe(), w.site, w.target);
      w.traced = true;
    }
  }

  /**
   * At a switch point: an operation nobody awaited lost its switch point. One whose effect is
   * still to come (a blocked acquire) goes on as a background task of its thread, so it still
   * takes effect when it can; a call of the learner's own async function goes on by itself.
   */
  private checkUnawaited(): void {
    const ops = this.segmentOps;
    this.segmentOps = [];
    for (const op of ops) {
      if (op.awaited) continue;
      const thread = op.thread ?? this.lastThread ?? this.mainThread;
      const call = op instanceof TaskResult;
      const pending = !call && !(op instanceof Ready);
      if (pending) this.background(thread, op);
      if (!this.tracing) continue;
      const where = op.site ? ` at ${op.site.file}:${op.site.line}` : '';
      if (call) {
        const effect = op.settled ? 'it had already finished' : 'it goes on running beside the thread, which does not wait for it';
        this.note(`A call of an async function${where} was not awaited: ${effect}. Write \`await\` before it if the thread must wait for its work.`);
        this.record(thread, 'note', 'async call not awaited', op.site);
        continue;
      }
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

  /**
   * What awaiting `value` waits for: the operation behind a handle, a thenable (adopted, as
   * JavaScript does), or nothing (`await 5`). Null for a value that is not thenable.
   */
  private thenable(value: unknown): Wait | null {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return null;
    // The judge's own coroutines yield waits; learner code only ever holds operations.
    const w = value instanceof Wait ? value : waitOf(value);
    if (w !== undefined) {
      w.awaited = true;
      if (w instanceof TaskResult) w.observed = true;
      return w;
    }
    let then: unknown;
    try {
      then = (value as { then?: unknown }).then;
    } catch (e) {
      return new Failed(e, 'await');
    }
    if (typeof then !== 'function') return null;
    this.foreignPending++;
    return new ForeignWait(value, then as never, () => this.foreignPending--);
  }

  private toWait(value: unknown): Wait {
    const w = this.thenable(value);
    if (w !== null) return w;
    const plain = new Ready(value, 'await');
    plain.silent = true;
    return plain;
  }

  /** Runs a task's coroutine from `input` until its next `await` or its end. */
  private advance(task: Task, input: unknown, isThrow: boolean): void {
    let r: IteratorResult<unknown, unknown>;
    try {
      r = isThrow ? task.gen.throw(input) : task.gen.next(input);
    } catch (e) {
      if (e instanceof RunHalted) throw e;
      if (e === LOOP_HALT) throw new RunHalted();
      this.finish(task, false, e);
      return;
    }
    if (r.done) {
      // An async function that returns a promise or an operation resolves to its value.
      const adopted = this.thenable(r.value);
      if (adopted === null) {
        this.finish(task, true, r.value);
        return;
      }
      task.returning = true;
      task.waiting = adopted;
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
      if (task.blocked && !(w instanceof TaskResult)) this.record(task.thread, 'block', `waits in ${w.describe()}`, w.site, w.target);
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
    const { strategy } = this.opts;
    const runnable: Array<Task | typeof CLOCK> = [];
    const ids: number[] = [];
    try {
      for (;;) {
        if (this.failure) break;
        if (this.foreignPending > 0 || this.microtasks) {
          // A promise reaction may be queued: let the microtask queue run before deciding.
          this.microtasks = false;
          await drainMicrotasks();
          if (this.segmentOps.length > 0) this.endStep();
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
          if (this.clock.advance()) {
            this.countStep(runnable);
            continue;
          }
          if (this.threads.every((t) => t.done || t.daemon)) {
            for (const check of this.endChecks) check();
            break;
          }
          this.deadlock();
          break;
        }
        // Time passes while threads run: the next deadline is one more choice.
        if (this.clock.pending) {
          runnable.push(CLOCK);
          ids.push(TIME_PASSES);
        }
        let index = 0;
        if (runnable.length > 1) {
          // A thread may go on in another task (a nested call, its return): current is the thread's.
          let current = -1;
          for (const t of runnable) {
            if (t !== CLOCK && t.thread === this.lastThread) {
              current = t.id;
              break;
            }
          }
          index = strategy.pick(ids, current, this.lastYielded);
          this.decisions.push(index);
        }
        const chosen = runnable[index];
        this.countStep(runnable);
        if (chosen === CLOCK) {
          this.clock.advance();
          if (this.tracing) this.record(this.mainThread, 'note', `time passes: ${this.clock.now} ms`);
          continue;
        }
        this.resume(chosen);
        if (this.microtasks && this.segmentOps.length > 0) {
          // Operations handed to Promise.all are awaited in microtasks: let them be, then check.
          this.microtasks = false;
          await drainMicrotasks();
        }
        this.endStep();
      }
    } catch (e) {
      if (!(e instanceof RunHalted)) throw e;
    } finally {
      this.currentThread = null;
      this.done = true;
    }
    return this.snapshot();
  }

  /** Counts a step against the budget; past it, the run is a livelock. */
  private countStep(runnable: ReadonlyArray<Task | typeof CLOCK>): void {
    this.steps++;
    if (this.steps > this.opts.budget) this.budgetExceeded(runnable);
  }

  private resume(task: Task): void {
    const w = task.waiting!;
    if (this.lastThread !== null && this.lastThread !== task.thread) this.switches++;
    this.lastYielded = false;
    this.loopRounds = 0;
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
    if (task.returning) this.finish(task, !isThrow, value);
    else this.advance(task, value, isThrow);
    this.currentThread = null;
  }

  private traceResume(task: Task, w: Wait, value: unknown, isThrow: boolean): void {
    if (w instanceof TaskResult || w.silent || w.traced) return;
    const text = w.describe();
    const out = isThrow ? `threw ${describeError(value)}` : w.outcome(value);
    const kind = task.blocked ? 'wake' : 'op';
    this.record(task.thread, kind, out ? `${text} → ${out}` : text, w.site, w.target);
  }

  private budgetExceeded(runnable: ReadonlyArray<Task | typeof CLOCK>): never {
    this.failure = { verdict: 'TLE', message: this.spinMessage(runnable) };
    throw new RunHalted();
  }

  /** Why a run that never ends does not end: who spins, on what, and whether anything could change it. */
  private spinMessage(runnable: ReadonlyArray<Task | typeof CLOCK>): string {
    const steps = this.opts.budget.toLocaleString('en-US');
    const spinners = new Map<Thread, Wait | null>();
    for (const t of runnable) if (t !== CLOCK && !spinners.has(t.thread)) spinners.set(t.thread, t.waiting);
    const names = [...spinners.keys()].map((t) => t.name);
    const on = [...spinners.entries()].map(([t, w]) => {
      let where = w?.site ? `, ${w.site.file}:${w.site.line}` : '';
      // An `await null` has no line of its own: the loop the thread goes round has.
      const loop = !w?.site && t.loop >= 0 ? this.loopSite?.(t.loop) : undefined;
      if (loop) where = `, in the loop at ${loop.file}:${loop.line}`;
      return `${t.name} at ${w ? w.describe() : 'a step'}${where}`;
    });
    // With no thread runnable, only time kept passing (an interval that never ends, say).
    if (names.length === 0) return `the run took more than ${steps} scheduling steps without finishing: no thread could run, and time kept passing (a timer or interval that never ends)`;
    const who = names.join(', ');
    let why: string;
    if ([...spinners.values()].some((w) => (w instanceof Ready && w.describe() === 'await') || w instanceof ForeignWait)) {
      why =
        '`await` of a value that is not a pending operation (`await null`, `await Promise.resolve()`, an already settled promise) is not a yield: nothing makes the judge run another thread or let time pass there, so a loop around it may spin for ever. Wait with an interleave/sync primitive, or `await yieldThread()` / `await sleep(…)` in the loop';
    } else if (this.clock.pending) {
      why = 'time kept passing (a timer or interval is pending) but what they wait for never came';
    } else {
      why = 'nothing pending (no sleep, timer or timeout) can change what they wait for: a livelock';
    }
    return `the run took more than ${steps} scheduling steps without finishing: ${who} kept running (${on.join('; ')}); ${why}`;
  }

  /** Once every call of the harness has returned: final reads, and what is still running. */
  private checkHarnessDone(): void {
    if (this.harnessDone || !this.threads.every((t) => !t.harness || t.done)) return;
    this.harnessDone = true;
    const left = this.tasks.filter((t) => t.thread.harness && t.thread.done);
    if (left.length > 0) {
      const where = left
        .map((t) => (t.result.site ? `${t.thread.name}, ${t.result.site.file}:${t.result.site.line}` : t.thread.name))
        .join('; ');
      this.note(
        `Work was still running when the last method returned (${where}): the result is read at that moment, so work left running cannot change it. Await it before the method returns.`,
      );
    }
    const prev = this.currentThread;
    this.currentThread = this.mainThread;
    try {
      this.opts.onHarnessDone?.();
    } finally {
      this.currentThread = prev;
    }
  }

  private deadlock(): void {
    const blocked: BlockedThread[] = [];
    for (const t of this.tasks) {
      // A task waiting for a nested call's result is blocked where that call is.
      if (t.thread.done || t.thread.daemon || t.waiting === null || t.waiting instanceof TaskResult) continue;
      const b: BlockedThread = { thread: t.thread.name, waitsIn: t.waiting.describe(), site: t.waiting.site };
      if (this.tracing && t.waiting.target !== undefined) b.object = this.objectId(t.waiting.target);
      blocked.push(b);
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

  /**
   * A guarded loop of learner code goes round once more (see loader/loop-guard.ts). Past
   * LOOP_LIMIT rounds without a switch point the loop is endless: the run fails as TLE, naming
   * the loop, and stops (also when the learner catches what is thrown: the next round throws again).
   */
  loopTick(id: number, site: (id: number) => SourceSite | undefined): void {
    const thread = this.currentThread;
    if (thread !== null) thread.loop = id;
    this.loopSite = site;
    if (++this.loopRounds <= LOOP_LIMIT || this.done) return;
    if (this.failure === null) {
      const at = site(id);
      const where = at ? ` at ${at.file}:${at.line}` : '';
      const who = thread !== null && thread !== this.mainThread ? ` in thread ${thread.name}` : '';
      this.failure = {
        verdict: 'TLE',
        message:
          `the loop${where}${who} went round ${LOOP_LIMIT.toLocaleString('en-US')} times without reaching a switch point: ` +
          'while a loop never awaits an interleave/sync operation, no other thread can run, so what it waits for never changes. ' +
          'Wait with a primitive (Event, Condition, Semaphore…), or `await yieldThread()` in the loop',
      };
    }
    throw LOOP_HALT;
  }

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

  /** Per-run numbers of the primitives traced, so a trace can tell two Events apart. */
  private readonly objectIds = new WeakMap<object, number>();

  /** The run's number for a primitive: 1, 2, … in the order the trace first meets them. */
  objectId(target: object): number {
    let id = this.objectIds.get(target);
    if (id === undefined) {
      id = this.nextId('object');
      this.objectIds.set(target, id);
    }
    return id;
  }

  /** A trace row (tracing only), about the primitive `target` when there is one. */
  record(thread: Thread, kind: TraceStep['kind'], text: string, site?: SourceSite, target?: object): void {
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
    if (target !== undefined) row.object = this.objectId(target);
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
      switches: this.switches,
      // A thread that gives the processor up again and again while it waits: it spins.
      busyWaiting: this.threads.some((t) => t.yields >= BUSY_WAIT_YIELDS),
    };
  }
}

/** Lets every pending microtask run (a foreign promise chain may take several hops). */
function drainMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
