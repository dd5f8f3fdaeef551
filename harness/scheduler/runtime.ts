/**
 * The kernel of one run: threads made of tasks, the loop that asks a strategy which runnable task
 * goes next at every switch point, a virtual clock, and what happened. Learner code never runs
 * concurrently with the scheduler: a resumed task runs until its next `await`, which hands control
 * back here, so the current thread is always known without async_hooks.
 *
 * What primitives use: `currentThread`, `tracked` (an operation started), `choose`, `clock`,
 * `fail`, `event`, `record`. Around the kernel, each in its own file: the trace
 * (trace-recorder.ts), missing awaits and unobserved failures (missing-await.ts), promises
 * (promise-bridge.ts), and every sentence it writes (words.ts).
 */
import type { BlockedThread, SourceSite, TraceStep, Verdict } from '../model/result';
import { TIME_PASSES, type ChoiceKind, type Strategy } from '../strategies/strategy';
import { Rng } from '../strategies/rng';
import { Clock } from './clock';
import type { RunEvent } from '../model/events';
import { describeError, isStackOverflow } from './describe-error';
import { MissingAwait } from './missing-await';
import { adopt, asReaction, thenOf } from './promise-bridge';
import { Task, TaskResult, THEN_WAITER, type Coroutine } from './task';
import { awaitOnly, callbackBody, immediateBody, reactionBody } from './coroutines';
import { Thread } from './thread';
import { TraceRecorder } from './trace-recorder';
import { AfterStart, ForeignWait, nextInQueue, Ready, STILL_WAITING, Wait } from './wait';
import { atSite, deadlockMessage, endlessLoopMessage, leftRunningNote, livelockMessage, slowRunMessage, stackOverflowMessage, timersOnlyMessage, unhandledRejectionMessage, type SpinCause, type Spinner } from './words';

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
  /** The learner's line a thrown value was thrown at (only while tracing). */
  errorSite?: (error: unknown) => SourceSite | undefined;
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
  /** Objects of the trace that are parts of a library object, by their number (trace-recorder.ts nameAsPart). */
  parts: ReadonlyMap<number, string>;
  notes: string[];
  threads: string[];
  busyWaiting: boolean;
  /** How often the running thread changed from one step to the next. */
  switches: number;
  /** Loop rounds of learner code in the run (the loop guards' calls). */
  rounds: number;
  /** A clock stopped the run (see Runtime.fail): replaying it would take as long again. */
  stoppedByClock?: boolean;
}

/** The labels of timer callbacks' tasks (endowments.ts). */
const TIMER_LABELS: ReadonlySet<string> = new Set(['setTimeout callback', 'setInterval callback']);

/** What a new task waits on: nothing. */
const START = Ready.silent('start');

/** The realm's own `then` and a settled promise: a job queued behind those a step queued (Runtime.queue). */
const nativeThen = Promise.prototype.then;
const QUEUED = Promise.resolve();

/**
 * Thrown out of a run to stop it: the judge's own signal, never the learner's. One frozen object
 * without a prototype, told by identity: `e instanceof RunHalted` walked the prototype chain of
 * whatever learner code threw, and a revoked Proxy's trap threw inside the judge (JE).
 */
const RUN_HALTED: object = Object.freeze(Object.create(null));

/**
 * What a loop guard throws into learner code to stop an endless loop: frozen, empty, without a
 * prototype, so a learner who catches it holds nothing of the judge (and it cannot be forged).
 */
const LOOP_HALT: object = Object.freeze(Object.create(null));

/** Loop rounds without a switch point before the loop is stopped as endless (TLE). */
export const LOOP_LIMIT = 10_000_000;

/**
 * Loop rounds in one run, all threads together, before the run is stopped as too slow (TLE): a
 * count, not a clock, so the same file and seed stop at the same round on any machine, however
 * loaded (a CPU-time limit alone decided a slow file's verdict by the machine's speed; the judge
 * also counts a file's rounds over all its runs: judge.ts FILE_ROUNDS_LIMIT). About 0.1 s of the
 * tightest loop; a run of a solution needs a few thousand.
 */
export const RUN_ROUNDS_LIMIT = 20_000_000;

/** The strategy's candidate "time passes to the next deadline" (see TIME_PASSES). */
const CLOCK = Symbol('time passes');

/** No task could go (time passed). */
const NONE: ReadonlyArray<Task> = [];

/**
 * %GeneratorPrototype%'s `next` and `throw`, read once: each run's coroutines are new functions
 * whose generator objects have new shapes, so `gen.next` was a megamorphic property load at every
 * step. A coroutine that is not a generator (a hostile `__async` call) now fails with a TypeError.
 */
const { next: generatorNext, throw: generatorThrow } = Object.getPrototypeOf(function* () {}).prototype as Coroutine;

export class Runtime {
  readonly clock = new Clock();
  // What the run collects: let go of in release(), so not readonly.
  threads: Thread[] = [];
  events: RunEvent[] = [];
  notes: string[] = [];
  decisions: number[] = [];
  readonly random: Rng;
  /** The thread whose code runs now; null between steps and in foreign promise callbacks. */
  currentThread: Thread | null = null;
  steps = 0;
  /**
   * Virtual ms that passed because no thread could go on (CheckContext.idleTime): not the time a
   * strategy chose to let pass while one could.
   */
  idleTime = 0;
  /** Steps where another thread ran than in the step before. */
  switches = 0;
  /** The run is over: callbacks it left behind do nothing. */
  done = false;
  /** Loop guard calls since the last switch point. */
  private loopRounds = 0;
  /** Loop guard calls in this run (the judge sums them over a file: judge.ts). */
  rounds = 0;
  /** Where each guarded loop of the submission is (given by the loader with every guard call). */
  private loopSite: ((id: number) => SourceSite | undefined) | null = null;
  private tasks: Task[] = [];
  private nextTaskId = 0;
  /** The thread that ran the last step: its runnable task is the strategy's "current". */
  private lastThread: Thread | null = null;
  private lastYielded = false;
  private foreignPending = 0;
  private failure: { verdict: Verdict; message: string; error?: unknown; blocked?: BlockedThread[]; byClock?: boolean } | null =
    null;
  private readonly noted = new Set<string>();
  /** The launcher's thread: it runs the constructor and starts the problem's threads. */
  readonly mainThread: Thread;
  private readonly endChecks: Array<() => void> = [];
  private endChecked = false;
  private readonly counters = new Map<string, number>();
  private lastCallback: Task | null = null;
  private readonly recorder: TraceRecorder;
  private readonly missing: MissingAwait;
  /** Counts thenables the judge did not make while they are pending (see promise-bridge.ts). */
  private readonly foreign = { started: () => void this.foreignPending++, settled: () => void this.foreignPending-- };
  /** A promise reaction may be queued: let the microtask queue run before the next decision. */
  private microtasks = false;
  private harnessDone = false;
  /**
   * Per thread (by index), its ready task JavaScript queued first, as of scan `frontScan[i]`: kept
   * here, not on the thread, which learner code may reach (a path to a task is a path to the judge).
   */
  private readonly fronts: Task[] = [];
  private readonly frontScan: number[] = [];
  private scans = 0;
  /**
   * Learner promises rejected with nothing attached, and why, in the order they were rejected.
   * One still there when no thread can go fails the run, as an unhandled rejection ends Node.
   */
  private readonly rejections = new Map<object, { reason: unknown; thread: Thread | null }>();

  constructor(readonly opts: RuntimeOptions) {
    this.tracing = opts.tracing;
    this.random = new Rng(opts.dataSeed);
    this.recorder = new TraceRecorder(opts.traceWindow);
    this.missing = new MissingAwait(this);
    this.mainThread = this.newThread('main', true);
    this.mainThread.done = true;
  }

  /** The trace so far (empty unless tracing). */
  get trace(): TraceStep[] {
    return this.recorder.rows;
  }

  /** Is this run recording a trace (read on every operation: a field, not a getter)? */
  readonly tracing: boolean;

  /** While tracing: where the `await` learner code is about to make is (set by the loader's edit, await-sites.ts). */
  awaitSite: SourceSite | undefined = undefined;
  /** Threads learner code started in this run (its own, an executor's workers): see sync/threads.ts. */
  learnerThreads = 0;
  /** Daemon threads learner code started in this run (`Thread({ daemon: true })`, Python's). */
  private learnerDaemons = 0;
  /**
   * Every thread but daemons is done: the run ends once only learner daemons have work left (an
   * executor's idle workers aside), as a Python program exits with daemon threads still running.
   * One that slept in a loop kept the clock going until the step budget: TLE.
   */
  private onlyDaemonsLeft = false;

  /** The learner's line calling into the judge now, when tracing. */
  site(skip = 0): SourceSite | undefined {
    return this.opts.tracing && this.opts.captureSite && this.recorder.inWindow(this.steps) ? this.opts.captureSite(skip) : undefined;
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
      this.missing.forget();
    }
  }

  /** Runs `fn` as `thread` (a promise reaction, a harness callback), then restores the current thread. */
  runAs<T>(thread: Thread, fn: () => T): T {
    const prev = this.currentThread;
    this.currentThread = thread;
    try {
      return fn();
    } finally {
      this.currentThread = prev;
    }
  }

  /** Is `thread` one of this run's (an operation of an earlier run is not)? */
  owns(thread: Thread): boolean {
    return this.threads[thread.index] === thread;
  }

  /** Runs the launcher (which starts the problem's threads) as the main thread's task. */
  launch(body: () => Coroutine): void {
    this.spawnBody(this.mainThread, body);
  }

  /** Starts a thread whose body is a coroutine; it becomes runnable at the next step. */
  startThread(name: string, body: () => Coroutine, harness: boolean, daemon = false, endsWithRun = false): Thread {
    if (!harness) this.learnerThreads++;
    const thread = this.newThread(name, harness);
    thread.daemon = daemon;
    thread.endsWithRun = endsWithRun;
    if (endsWithRun) this.learnerDaemons++;
    this.spawnBody(thread, body);
    // A thread learner code starts is shown started when it first runs: at once, its row came
    // before the `t.start()` that started it, as a switch to a thread that did not run.
    if (this.tracing) {
      if (harness) this.record(thread, 'start', `started`);
      else thread.unannounced = true;
    }
    return thread;
  }

  /** A thread's body task: the thread is done when it is. */
  private spawnBody(thread: Thread, body: () => Coroutine): void {
    thread.done = false;
    const task = this.spawn(thread, body(), thread.name);
    task.result.onSettle(() => {
      thread.done = true;
      if (thread.harness) this.checkHarnessDone();
      if (!thread.daemon && this.learnerDaemons > 0) this.onlyDaemonsLeft = this.threads.every((t) => t.done || t.daemon);
    });
  }

  /** A new task of `thread`, runnable once `waiting` is ready (at once by default). */
  private spawn(thread: Thread, gen: Coroutine, label: string, waiting: Wait | null = START): Task {
    const task = new Task(this.nextTaskId++, thread, gen, label);
    task.waiting = waiting;
    // A new thread, a reaction, a timer's callback: a job queued now.
    if (waiting === START) task.queued = nextInQueue();
    this.tasks.push(task);
    return task;
  }

  /**
   * Runs `fn` as a new task of `thread`, at once until its first `await`, as a native async
   * function runs (the loader's `__async` driver and promise callbacks use it); its result is
   * what awaiting the call waits for.
   */
  callAsTask(thread: Thread, thisArg: unknown, args: unknown, fn: (...a: unknown[]) => Coroutine, label: string): TaskResult {
    const task = this.spawn(thread, fn.apply(thisArg, (args as unknown[] | null) ?? []), label, null);
    task.started = true;
    const prev = this.currentThread;
    this.currentThread = thread;
    try {
      this.advance(task, undefined, false);
    } finally {
      this.currentThread = prev;
    }
    if (task.waiting !== null) this.queue(task);
    return task.result;
  }

  /** Runs `fn` as a new task of `thread` at a later step (a timer's callback; `givesWayFirst`: an immediate's, which yields first). */
  spawnCallback(thread: Thread | null, fn: () => unknown, label: string, givesWayFirst = false): void {
    // Timers run in the order they fired, as in JavaScript: each starts after the one before.
    const before = this.lastCallback;
    const body = givesWayFirst ? immediateBody(fn) : callbackBody(fn);
    this.lastCallback = this.spawn(thread ?? this.mainThread, body, label, before && !before.started ? new AfterStart(before) : START);
  }

  /**
   * Registers a check to run when every thread is done (unobserved future failures), or when the
   * run failed otherwise first: then what it finds can only be a note (see {@link failed}).
   */
  onEnd(check: () => void): void {
    this.endChecks.push(check);
  }

  /** `.then` on an operation: see promise-bridge.ts. */
  thenOf(wait: Wait, onfulfilled: unknown, onrejected: unknown): Promise<unknown> {
    return thenOf(this, wait, onfulfilled, onrejected);
  }

  /** A promise reaction's callback that runs as `thread`: see promise-bridge.ts. */
  asReaction(thread: Thread | null, fn: unknown, failed?: (reason: unknown) => void): ((value: unknown) => unknown) | undefined {
    return asReaction(this, thread, fn, failed);
  }

  /**
   * A promise reaction of `thread` (`.then`'s callback, when JavaScript would call it): a task that
   * runs `fn(value)` at a step the strategy picks, after the thread's reactions queued before it.
   * The promise returned follows its outcome (so the one `.then` gave does).
   */
  reaction(thread: Thread, fn: (value: unknown) => unknown, value: unknown, failed?: (reason: unknown) => void): Promise<unknown> {
    // Made as JavaScript runs the reaction job, so in the queue's order (see run()).
    const task = this.spawn(thread, reactionBody(fn, value), 'then');
    // Its failure rejects the promise `.then` gave: that promise's business, not an unseen failure.
    task.result.observed = true;
    return new Promise((resolve, reject) => {
      task.result.onSettle(() => {
        this.promiseActivity();
        if (task.result.ok) resolve(task.result.value);
        else {
          failed?.(task.result.value);
          reject(task.result.value);
        }
      });
    });
  }

  /** A learner promise was rejected with nothing attached to it (thread-promise.ts). */
  rejectedUnhandled(p: object, reason: unknown): void {
    this.rejections.set(p, { reason, thread: this.currentThread });
  }

  /** Something was attached to a learner promise: its rejection is handled. */
  rejectionHandled(p: object): void {
    if (this.rejections.size > 0) this.rejections.delete(p);
  }

  /** A learner promise settled or got a reaction: the microtask queue may have work. */
  promiseActivity(): void {
    this.microtasks = true;
  }

  /**
   * Remembers a learner's operation, to tell when nobody awaited it (missing-await.ts). One that
   * did not wait (a `set`, a `release`, an acquire of a free lock) took effect now: its trace row
   * stands here, at the step of its effect, not where its thread next runs.
   */
  tracked(w: Wait): void {
    w.thread = this.currentThread;
    this.missing.started(w);
    if (this.tracing && w instanceof Ready && !w.silent) {
      const out = w.outcome(undefined);
      this.record(w.thread ?? this.mainThread, 'op', out ? `${w.describe()} → ${out}` : w.describe(), w.site, w.target);
      w.traced = true;
    }
  }

  /** A task of `thread` that only waits on `w` (an operation nobody awaited, still to take effect). */
  background(thread: Thread, w: Wait): void {
    w.awaited = true;
    // Its failure is nobody's to see (a QueueEmpty of a get nobody awaited): it fails the run, as
    // an unhandled rejection ends a Node process.
    this.spawn(thread, awaitOnly(w), w.describe());
  }

  /** Ends a step: operations nobody awaited, failures nobody awaited (missing-await.ts). */
  private endStep(): void {
    this.missing.endStep(this.lastThread ?? this.mainThread);
  }

  /** What awaiting `value` waits for; a plain value (`await 5`) is a switch point that does not yield. */
  private toWait(value: unknown): Wait {
    const w = adopt(value, this.foreign);
    if (w !== null) return w;
    return Ready.plainAwait(value, this.tracing);
  }

  /** Runs a task's coroutine from `input` until its next `await` or its end. */
  private advance(task: Task, input: unknown, isThrow: boolean): void {
    let r: IteratorResult<unknown, unknown>;
    try {
      r = isThrow ? generatorThrow.call(task.gen, input) : generatorNext.call(task.gen, input);
    } catch (e) {
      if (e === RUN_HALTED) throw e;
      if (e === LOOP_HALT) throw RUN_HALTED;
      // Whoever catches it later, how deep the stack went is the machine's (see caughtStackOverflow).
      if (isStackOverflow(e)) this.fail('RTE', stackOverflowMessage(`${describeError(e)} in thread ${task.thread.name}`), e);
      this.finish(task, false, e);
      return;
    }
    if (r.done) {
      // An async function that returns a promise or an operation resolves to its value.
      const adopted = adopt(r.value, this.foreign);
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
      // A promise of the learner's own has no line of its own: the `await`'s (await-sites.ts).
      if (w instanceof ForeignWait || (w instanceof Ready && w.plain)) w.site = this.awaitSite;
      this.awaitSite = undefined;
      // `await null` is a row at the step that reached it (the switch point is there), not where
      // the thread resumes: a check, `await null`, then another thread, reads in that order.
      if (w instanceof Ready && w.plain && !w.silent) {
        this.record(task.thread, 'op', w.describe(), w.site);
        w.traced = true;
      }
      task.blocked = !w.ready();
      // Waiting for a nested async call is not news: the call's own waits are traced.
      if (task.blocked && !(w instanceof TaskResult) && !w.silent) {
        if (task.label === THEN_WAITER) {
          this.record(task.thread, 'op', `${w.describe()} pending: a .then waits for it, and ${task.thread.name} goes on without it`, w.site, w.target);
        } else this.record(task.thread, 'block', blockText(w.describe()), w.site, w.target);
      } else if (!task.blocked && !w.silent) {
        const arrival = w.arrival();
        if (arrival !== undefined) this.record(task.thread, 'op', `${w.describe()}${arrival}`, w.site, w.target);
      }
    }
  }

  /**
   * Where the continuation of an await stands in JavaScript's job queue: now, for something already
   * there; when it settles otherwise (a promise, a call's result: the wait stamps itself again then).
   * Reactions this step queued come first, as JavaScript runs them first: those are made when the
   * microtask queue runs (before the next decision), so the continuation takes its place there too.
   * (A blocked operation is placed when the scheduler first finds it ready: a wake-up has no
   * JavaScript order.)
   */
  private queue(task: Task): void {
    // On the task, not the wait: a store to one class of object, where a wait is any of many.
    if (!this.microtasks) task.queued = nextInQueue();
    else {
      task.queued = 0;
      nativeThen.call(QUEUED, () => (task.queued = nextInQueue()));
    }
  }

  private finish(task: Task, ok: boolean, value: unknown): void {
    task.done = true;
    task.waiting = null;
    const i = this.tasks.indexOf(task);
    if (i >= 0) this.tasks.splice(i, 1);
    task.result.settle(ok, value);
    // Like an unhandled rejection: a caller may still await it later in this same step.
    if (!ok) this.missing.failed(task);
    if (this.tracing && task.thread.harness === false && task.label === task.thread.name) {
      this.record(task.thread, 'end', ok ? 'finished' : 'threw');
    }
  }

  // ----- the loop ----------------------------------------------------------------------------

  /** Runs until every thread is done, a check fails, the threads deadlock or the budget runs out. */
  async run(): Promise<RunOutcome> {
    const { strategy } = this.opts;
    try {
      for (;;) {
        if (this.failure) break;
        if (this.onlyDaemonsLeft && this.tasks.every((t) => t.waiting === null || t.thread.endsWithRun || (t.thread.daemon && !t.waiting.ready()))) {
          this.runEndChecks();
          break;
        }
        if (this.foreignPending > 0 || this.microtasks) {
          // A promise reaction may be queued: let the microtask queue run before deciding.
          this.microtasks = false;
          await drainMicrotasks();
          if (this.missing.pending) this.endStep();
          if (this.failure) break;
        }
        // Each thread offers one task: of its ready ones, the one JavaScript queued first (a
        // reaction attached before an `await null` runs before the code after it, as in Node). The
        // runnable tasks and their ids: most steps have one or two, so lists are made only for two
        // or more (a fresh small array is cheaper than resizing one kept across steps, in profiles).
        let first: Task | null = null;
        let runnable: Array<Task | typeof CLOCK> | null = null;
        let ids: number[] | null = null;
        const tasks = this.tasks;
        const scan = ++this.scans;
        const fronts = this.fronts;
        const frontScan = this.frontScan;
        for (let i = 0; i < tasks.length; i++) {
          const t = tasks[i];
          const w = t.waiting;
          if (w === null) continue;
          if (!w.ready()) {
            t.queued = 0;
            // (Only ever set while tracing.) What let it go on was undone before it ran.
            if (t.shownReady) this.markReady(t, false);
            continue;
          }
          if (t.queued === 0) {
            t.queued = w.queued !== 0 ? w.queued : nextInQueue();
            // A blocked thread can go on from here: its lane stops showing it blocked (swimlane.ts).
            // (`blocked` is only ever set while tracing.)
            if (t.blocked && !t.shownReady && !w.silent && !(w instanceof TaskResult)) this.markReady(t, true);
          }
          const th = t.thread.index;
          if (frontScan[th] === scan) {
            // A second ready task of a thread (rare): it takes its thread's place if queued first.
            const front = fronts[th];
            if (t.queued < front.queued) {
              fronts[th] = t;
              if (first === front) first = t;
              if (runnable !== null) {
                const at = runnable.indexOf(front);
                runnable[at] = t;
              }
            }
            continue;
          }
          frontScan[th] = scan;
          fronts[th] = t;
          if (first === null) first = t;
          else if (runnable === null) {
            runnable = [first, t];
            ids = [first.thread.index, th];
          } else {
            runnable.push(t);
            ids!.push(th);
          }
        }
        const lastThread = this.lastThread;
        // The task the last step's thread offers, if any: the strategy's "current".
        const current = lastThread !== null && frontScan[lastThread.index] === scan ? lastThread.index : -1;
        if (first === null) {
          // Every job queued has run (as when Node checks): a rejection nothing handled is final.
          if (this.rejections.size > 0) {
            const [{ reason, thread }] = this.rejections.values();
            // The trace's row goes to the thread that rejected it.
            this.currentThread = thread;
            this.fail('RTE', unhandledRejectionMessage(describeError(reason)), reason);
            break;
          }
          const before = this.clock.now;
          if (this.clock.advance()) {
            this.idleTime += this.clock.now - before;
            this.countStep(NONE);
            // No thread can go until then: time jumps to the next deadline, a step of its own.
            if (this.tracing && this.clock.now !== before) this.record(this.mainThread, 'note', `time passes: the clock reaches ${this.clock.now} ms`);
            continue;
          }
          if (this.threads.every((t) => t.done || t.daemon)) {
            this.runEndChecks();
            break;
          }
          this.deadlock();
          break;
        }
        // Time passes while threads run: the next deadline is one more choice.
        if (this.clock.pending) {
          if (runnable === null) {
            runnable = [first, CLOCK];
            ids = [first.thread.index, TIME_PASSES];
          } else {
            runnable.push(CLOCK);
            ids!.push(TIME_PASSES);
          }
        }
        let chosen: Task | typeof CLOCK = first;
        if (runnable !== null) {
          const index = strategy.pick(ids!, current, this.lastYielded);
          this.decisions.push(index);
          chosen = runnable[index];
          this.countStep(runnable);
        } else {
          this.countStep(first);
        }
        if (chosen === CLOCK) {
          this.clock.advance();
          if (this.tracing) this.record(this.mainThread, 'note', `time passes: the clock reaches ${this.clock.now} ms`);
          continue;
        }
        this.resume(chosen);
        // Not in advance(): a call more there kept V8 from inlining it (300 instructions a step).
        if (chosen.waiting !== null) this.queue(chosen);
        if (this.microtasks && this.missing.pending) {
          // Operations handed to Promise.all are awaited in microtasks: let them be, then check.
          this.microtasks = false;
          await drainMicrotasks();
        }
        this.endStep();
      }
    } catch (e) {
      if (e !== RUN_HALTED) throw e;
    } finally {
      this.currentThread = null;
      this.done = true;
    }
    // A run that failed first still tells what the end checks find (a task's exception nobody saw).
    if (this.failure) this.runEndChecks();
    return this.snapshot();
  }

  private runEndChecks(): void {
    if (this.endChecked) return;
    this.endChecked = true;
    for (const check of this.endChecks) check();
  }

  /** Counts a step against the budget; past it, the run is a livelock (`runnable`: who could go). */
  private countStep(runnable: Task | ReadonlyArray<Task | typeof CLOCK>): void {
    this.steps++;
    if (this.steps > this.opts.budget) this.budgetExceeded(runnable instanceof Task ? [runnable] : runnable);
  }

  private resume(task: Task): void {
    const w = task.waiting!;
    if (this.lastThread !== null && this.lastThread !== task.thread) this.switches++;
    this.lastYielded = false;
    this.loopRounds = 0;
    this.lastThread = task.thread;
    task.started = true;
    task.queued = 0;
    this.currentThread = task.thread;
    let value: unknown;
    let isThrow = false;
    try {
      value = w.take();
    } catch (e) {
      if (e === RUN_HALTED) throw e;
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

  /** A `ready` or `stalled` mark of a blocked task: not a row of its own, a change of its lane. */
  private markReady(t: Task, ready: boolean): void {
    t.shownReady = ready;
    this.record(t.thread, ready ? 'ready' : 'stalled', ready ? 'can go on' : 'cannot go on again', undefined, t.waiting?.target);
  }

  private traceResume(task: Task, w: Wait, value: unknown, isThrow: boolean): void {
    task.shownReady = false;
    if (task.thread.unannounced) {
      task.thread.unannounced = false;
      this.record(task.thread, 'start', `started`);
    }
    if (w instanceof TaskResult || w.silent || w.traced) return;
    const text = w.describe();
    const out = isThrow ? `threw ${describeError(value)}` : w.outcome(value);
    const kind = task.blocked ? 'wake' : 'op';
    this.record(task.thread, kind, out ? `${text} → ${out}` : text, w.site, w.target);
  }

  private budgetExceeded(runnable: ReadonlyArray<Task | typeof CLOCK>): never {
    this.failure = { verdict: 'TLE', message: this.spinMessage(runnable) };
    throw RUN_HALTED;
  }

  /** Why a run that never ends does not end: who spins, on what, and whether anything could change it. */
  private spinMessage(runnable: ReadonlyArray<Task | typeof CLOCK>): string {
    const spinning = new Map<Thread, Task>();
    for (const t of runnable) if (t !== CLOCK && !spinning.has(t.thread)) spinning.set(t.thread, t);
    const tasks = [...spinning.values()];
    if (tasks.length > 0 && tasks.every((task) => TIMER_LABELS.has(task.label))) {
      // Threads wait for what nothing will do while an interval ticks on: say what they wait in.
      const blocked = this.stuckThreads();
      const timers = tasks.map((task) => (task.thread === this.mainThread ? this.spinnerName(task) : `a ${task.label} of ${task.thread.name}`));
      return timersOnlyMessage(this.opts.budget, timers, blocked);
    }
    const spinners: Spinner[] = [...spinning.entries()].map(([t, task]) => {
      const w = task.waiting;
      const s: Spinner = { thread: this.spinnerName(task), at: w ? w.describe() : 'a step' };
      if (w === START) s.neverRan = true;
      if (w?.site) s.site = w.site;
      // An `await null` has no line of its own: the loop the thread goes round has.
      else if (t.loop >= 0) {
        const loop = this.loopSite?.(t.loop);
        if (loop) s.loop = loop;
      }
      return s;
    });
    const waits = [...spinning.values()].map((task) => task.waiting).filter((w) => w !== START);
    const cause: SpinCause = waits.some((w) => (w instanceof Ready && w.plain) || w instanceof ForeignWait)
      ? 'not-a-yield'
      : this.clock.pending
        ? 'time-passes'
        : waits.length > 0 && waits.every((w) => w instanceof Ready && !w.yields)
          ? 'never-blocks'
          : 'nothing-pending';
    // Threads blocked meanwhile on what never came (for the spinning or not): said too.
    return livelockMessage(this.opts.budget, spinners, cause, this.stuckThreads(spinning));
  }

  /** The threads (but those of `except`) whose wait cannot go on, and what each waits in. */
  private stuckThreads(except?: ReadonlyMap<Thread, Task>): Array<{ thread: string; waitsIn: string; site?: SourceSite }> {
    return this.tasks
      .filter((t) => !except?.has(t.thread) && !t.thread.done && !t.thread.daemon && t.thread !== this.mainThread && t.waiting !== null && !(t.waiting instanceof TaskResult) && !t.waiting.ready())
      .map((t) => ({ thread: t.thread.name, waitsIn: t.waiting!.describe(), site: t.waiting!.site }));
  }

  /** A thread's name; the main thread is no column of the trace: its work is a callback the constructor set up. */
  private spinnerName(task: Task): string {
    if (task.thread !== this.mainThread) return task.thread.name;
    return task.label === 'then' ? 'a `.then` callback attached in the constructor' : `a ${task.label} set in the constructor`;
  }

  /** Once every call of the harness has returned: final reads, and what is still running. */
  private checkHarnessDone(): void {
    if (this.harnessDone || !this.threads.every((t) => !t.harness || t.done)) return;
    this.harnessDone = true;
    const left = this.tasks.filter((t) => t.thread.harness && t.thread.done);
    if (left.length > 0) this.note(leftRunningNote(left.map((t) => ({ thread: t.thread.name, site: t.result.site }))));
    const done = this.opts.onHarnessDone;
    if (done) this.runAs(this.mainThread, done);
  }

  private deadlock(): void {
    const blocked: BlockedThread[] = [];
    for (const t of this.tasks) {
      // A task waiting for a nested call's result is blocked where that call is.
      if (t.thread.done || t.thread.daemon || t.waiting === null || t.waiting instanceof TaskResult) continue;
      const b: BlockedThread = { thread: t.thread.name, waitsIn: t.waiting.describe(), site: t.waiting.site };
      if (this.tracing && t.waiting.target !== undefined) b.object = this.recorder.objectId(t.waiting.target);
      blocked.push(b);
    }
    const order = new Map(this.threads.map((t) => [t.name, t.index]));
    blocked.sort((a, b) => (order.get(a.thread) ?? 0) - (order.get(b.thread) ?? 0));
    this.failure = { verdict: 'DL', message: deadlockMessage([...new Set(blocked.map((b) => b.thread))]), blocked };
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
    if ((++this.loopRounds <= LOOP_LIMIT && ++this.rounds <= RUN_ROUNDS_LIMIT) || this.done) return;
    if (this.failure === null) {
      const who = thread !== null && thread !== this.mainThread ? thread.name : undefined;
      const message = this.loopRounds > LOOP_LIMIT ? endlessLoopMessage(LOOP_LIMIT, site(id), who) : slowRunMessage(RUN_ROUNDS_LIMIT, site(id), who);
      this.failure = { verdict: 'TLE', message };
    }
    throw LOOP_HALT;
  }

  /**
   * Fails the run (the first failure wins) and stops it at the next step. `byClock`: a clock
   * stopped it (a watchdog, a CPU limit), not a step of the schedule, so a replay would only be
   * stopped again, after as long.
   */
  fail(verdict: Verdict, message: string, error?: unknown, byClock = false): void {
    if (this.failure !== null) return;
    this.failure = { verdict, message, error };
    if (byClock) this.failure.byClock = true;
    // The trace ends with the throw, at the learner's line that threw (not at the last switch point).
    const thread = this.currentThread ?? this.lastThread;
    if (this.tracing && error !== undefined && thread !== null) {
      this.record(thread, 'throw', `threw ${describeError(error)}`, this.opts.errorSite?.(error));
    }
  }

  /**
   * Learner code caught the error of a call stack that ran out, at `site` (catch-guard.ts): its
   * run-time error, whatever it does next, since how deep a recursion gets before the stack runs
   * out differs from run to run (the judge's own frames below it, how far V8 optimised the code).
   */
  caughtStackOverflow(site: SourceSite | undefined, error?: unknown): void {
    this.fail('RTE', stackOverflowMessage(`a RangeError (Maximum call stack size exceeded) caught${atSite(site)}`), error);
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
        // A checker called from a learner's recursion that left it no stack: the learner's fault.
        if (isStackOverflow(e)) this.fail('RTE', 'the call stack ran out (a recursion too deep?): there was no room left even to check what the solution printed', e);
        // Otherwise the checker is the judge's code: its fault must never become the learner's RTE.
        else this.fail('JE', `the problem's checker failed: ${describeError(e)}`, e);
        return;
      }
      if (msg !== null) this.fail('WA', msg);
    }
  }

  /** A trace row (tracing only), about the primitive `target` when there is one. */
  record(thread: Thread, kind: TraceStep['kind'], text: string, site?: SourceSite, target?: object): void {
    if (this.tracing) this.recorder.record(this.steps, thread.index, kind, text, site, target, this.clock.now);
  }

  /** Live threads (for `activeCount()` and `enumerate()`). */
  liveThreads(): Thread[] {
    return this.threads.filter((t) => !t.done && t.index !== 0);
  }

  /**
   * Lets go of what the run collected (its threads, tasks, events, decisions and notes) once its
   * outcome was taken: the outcome keeps them, for as long as the judge needs them. Learner code
   * keeps closures of the run (a lowered `async` method's generator, which holds `printFoo`, which
   * holds the run) that V8 keeps alive until a major GC, through the map it makes in the old
   * generation for every generator function object. Without this, every run's data was kept
   * through the young generation's GCs and promoted: the old generation grew into fresh pages at
   * every run, and a FooBar step took 1.4 times as long (bench:scheduler -- --rounds 40; see coroutines.ts).
   * Afterwards the run owns no thread: an operation or promise of it left in learner code does nothing.
   */
  release(): void {
    this.done = true;
    this.threads = [];
    this.tasks = [];
    this.events = [];
    this.decisions = [];
    this.notes = [];
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
      parts: this.recorder.parts,
      notes: this.notes,
      threads: this.threads.map((t) => t.name),
      switches: this.switches,
      rounds: this.rounds,
      busyWaiting: this.threads.some((t) => t.busyWaiting),
      ...(f?.byClock ? { stoppedByClock: true } : {}),
    };
  }
}

/** Lets every pending microtask run (a foreign promise chain may take several hops). */
function drainMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A block row: `waits in Event.wait()`; a wait that tells itself (`the harness waits until …`) as it is. */
function blockText(what: string): string {
  return what.startsWith('the harness ') ? what : `waits in ${what}`;
}
