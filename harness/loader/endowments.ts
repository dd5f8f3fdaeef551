/**
 * The globals learner code sees: only what a solution needs, and every source of
 * nondeterminism routed through the active run (virtual clock, seeded random). No `process`,
 * `require`, `Buffer` or file system: a solution has nothing to reach the machine with.
 */
import { activeRuntime, activeRuntimeOrNull } from '../scheduler/active';
import { runAsync } from './async-driver';
import { harden } from '../scheduler/harden';
import type { Timer } from '../scheduler/clock';
import type { SourceSite } from '../model/result';
import type { Runtime } from '../scheduler/runtime';
import { ThreadPromise } from '../scheduler/thread-promise';
import { describeError, errorStack, isStackOverflow } from '../scheduler/describe-error';
import { stackHere } from '../scheduler/engine-stack';
import { printedNote } from './printed-note';

/** The date the virtual clock starts at (fixed, so `new Date()` is the same in every run). */
export const EPOCH = Date.UTC(2024, 0, 1);

/** Console output of one run beyond this is an output-limit failure (OLE). */
export const OUTPUT_LIMIT = 1 << 20;

const RealDate = Date;

/** `Date` on the judge's clock: `Date.now()` and `new Date()` read virtual time. */
class VirtualDate extends RealDate {
  constructor(...args: unknown[]) {
    if (args.length === 0) super(EPOCH + activeRuntime().clock.now);
    else super(...(args as [string]));
  }
  static override now(): number {
    return EPOCH + activeRuntime().clock.now;
  }
}

harden(VirtualDate);

/** `performance` on the judge's clock: `performance.now()` is the virtual time since the run began. */
const virtualPerformance = harden({
  now: (): number => activeRuntime().clock.now,
  timeOrigin: EPOCH,
});

function virtualMath(): Math {
  const m: Record<string, unknown> = {};
  for (const k of Object.getOwnPropertyNames(Math)) m[k] = (Math as unknown as Record<string, unknown>)[k];
  m.random = () => activeRuntime().random.next();
  return harden(m) as unknown as Math;
}

const consoleBytes = new WeakMap<Runtime, number>();

/** How an error the learner prints reads: its stack in the learner's terms (sourcemap.ts), or its description. */
export type ShowError = (header: string, engineStack: string) => string;

function capturedConsole(showError: ShowError): Console {
  const write =
    (level: string) =>
    (...args: unknown[]): void => {
      const rt = activeRuntime();
      let text = args.map((a) => (typeof a === 'string' ? a : safeInspect(a, showError))).join(' ');
      // As Node's: `Trace: …` and where it was called from.
      if (level === 'trace') text = showError(text === '' ? 'Trace' : `Trace: ${text}`, stackHere() ?? '');
      const used = (consoleBytes.get(rt) ?? 0) + text.length + 1;
      consoleBytes.set(rt, used);
      if (used > OUTPUT_LIMIT) {
        rt.fail('OLE', `the solution printed more than ${OUTPUT_LIMIT / 1024} KiB with console.${level}`);
        // Stops a flooding loop (the run is already decided: the first failure wins).
        throw harden(new RangeError('output limit exceeded'));
      }
      const t = rt.currentThread;
      if (t && rt.tracing) rt.record(t, 'note', printedNote(`console.${level}`, text));
    };
  const c: Record<string, unknown> = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) c[level] = write(level);
  return harden(c) as unknown as Console;
}

function safeInspect(v: unknown, showError: ShowError): string {
  // An error prints as Node prints it, with its stack (JSON has no more of it than `{}`).
  const stack = errorStack(v);
  if (stack !== undefined) return showError(describeError(v), stack);
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Each run's timers, numbered from 1 in that run (an id never tells what ran before). */
interface RunTimers {
  next: number;
  /** The clock's timer, or null for an immediate (no timer: its callback is a task already). */
  byId: Map<number, Timer | null>;
}
const runTimers = new WeakMap<Runtime, RunTimers>();

function timersOf(rt: Runtime): RunTimers {
  let t = runTimers.get(rt);
  if (t === undefined) {
    t = { next: 0, byId: new Map() };
    runTimers.set(rt, t);
  }
  return t;
}

/**
 * `setImmediate(fn, ...args)`: the callback is a task at once that first gives way, as
 * `yieldThread()` does, then runs (Node runs it after what else is ready, with no delay). It is no
 * timer: a loop that polls with it lets the other threads go on and time pass to another thread's
 * sleep. (As a timer of no delay it kept the clock's next deadline at now for ever: a correct poll
 * was TLE.)
 */
function setImmediateV(fn: unknown, ...args: unknown[]): number {
  if (typeof fn !== 'function') throw harden(new TypeError('setImmediate(fn): fn must be a function'));
  const rt = activeRuntime();
  const timers = timersOf(rt);
  const id = ++timers.next;
  timers.byId.set(id, null);
  rt.spawnCallback(
    rt.currentThread,
    () => {
      if (!timers.byId.delete(id)) return undefined;
      return (fn as (...a: unknown[]) => unknown)(...args);
    },
    'setImmediate callback',
    true,
  );
  return id;
}

/** `queueMicrotask(fn)`: a promise reaction of the calling thread (a step of its own, as `.then`'s). */
function queueMicrotaskV(fn: unknown): void {
  if (typeof fn !== 'function') throw harden(new TypeError('queueMicrotask(fn): fn must be a function'));
  void ThreadPromise.resolve().then(() => (fn as () => unknown)());
}

/** Node's longest timer delay. */
const TIMEOUT_MAX = 2 ** 31 - 1;

/**
 * A timer's delay as Node takes it: under 1 ms (0 included), past the longest, or no number, it is
 * 1 ms; Node's clock counts whole milliseconds, so 1.5 ms is 2. (A delay of 0 was no time at all:
 * a loop polling with `setTimeout(r, 0)` kept the clock from reaching another thread's sleep.)
 */
function nodeDelay(ms: unknown): number {
  const d = Number(ms);
  return d >= 1 && d <= TIMEOUT_MAX ? Math.ceil(d) : 1;
}

/**
 * A timer's callback runs at a step of its own after the timer fires; a clearTimeout() in between
 * (another callback due at the same time, another thread) still stops it, as in Node, where a
 * cleared timer's callback never runs: the callback checks that its timer is still set.
 */
function setTimeoutV(fn: unknown, ms?: number, ...args: unknown[]): number {
  if (typeof fn !== 'function') throw harden(new TypeError('setTimeout(fn, ms): fn must be a function'));
  const rt = activeRuntime();
  const timers = timersOf(rt);
  const thread = rt.currentThread;
  const id = ++timers.next;
  const timer = rt.clock.after(nodeDelay(ms), () => {
    rt.spawnCallback(
      thread,
      () => {
        if (!timers.byId.delete(id)) return undefined;
        return (fn as (...a: unknown[]) => unknown)(...args);
      },
      'setTimeout callback',
    );
  });
  timers.byId.set(id, timer);
  return id;
}

/**
 * As Node: the next round is timed once the callback has run (never two rounds queued at once),
 * and a callback that clears its own interval, or one cleared before it ran, is the last.
 */
function setIntervalV(fn: unknown, ms?: number, ...args: unknown[]): number {
  if (typeof fn !== 'function') throw harden(new TypeError('setInterval(fn, ms): fn must be a function'));
  const rt = activeRuntime();
  const timers = timersOf(rt);
  const thread = rt.currentThread;
  const id = ++timers.next;
  const period = nodeDelay(ms);
  const arm = (): void => {
    const timer = rt.clock.after(period, () => {
      rt.spawnCallback(
        thread,
        () => {
          if (!timers.byId.has(id)) return undefined;
          try {
            return (fn as (...a: unknown[]) => unknown)(...args);
          } finally {
            if (timers.byId.has(id)) arm();
          }
        },
        'setInterval callback',
      );
    });
    timers.byId.set(id, timer);
  };
  arm();
  return id;
}

function clearTimer(id: unknown): void {
  const rt = activeRuntime();
  const timers = timersOf(rt);
  const t = timers.byId.get(id as number);
  if (t) rt.clock.cancel(t);
  timers.byId.delete(id as number);
}

/** Where the judge's edits of a submission are, by id (see loop-guard.ts, catch-guard.ts, await-sites.ts). */
export interface EditSites {
  loop(id: number): SourceSite | undefined;
  catch(id: number): SourceSite | undefined;
  await(id: number): SourceSite | undefined;
}

/**
 * `eval`, `Function` and SES's `Compartment` for learner code: each refuses, as a direct `eval()` is
 * refused at compile time. Code made from a string at run time is code the judge never compiled, so
 * none of its checks are in it: its loops have no guard (an endless one was a time limit with no
 * line) and its `await`s are not switch points. `x instanceof Function` still works (the same
 * prototype).
 */
function refusedEvaluators(): Record<'eval' | 'Function' | 'Compartment', (...args: unknown[]) => never> {
  const refuse = (name: string): never => {
    throw new EvalError(`${name} is not available to a solution: the judge cannot check code made from a string at run time; write the code itself`);
  };
  const evalRefused = (..._args: unknown[]): never => refuse('eval()');
  function FunctionRefused(..._args: unknown[]): never {
    return refuse('Function()');
  }
  function CompartmentRefused(..._args: unknown[]): never {
    return refuse('Compartment');
  }
  Object.defineProperty(FunctionRefused, 'name', { value: 'Function' });
  FunctionRefused.prototype = Function.prototype;
  Object.defineProperty(evalRefused, 'name', { value: 'eval' });
  Object.defineProperty(CompartmentRefused, 'name', { value: 'Compartment' });
  return { eval: evalRefused, Function: FunctionRefused, Compartment: CompartmentRefused };
}

/**
 * Node's and the web's globals a solution has no use for, and must not have (real time, I/O,
 * shared memory): each is a function that says so when called or constructed. Left out, they were
 * `undefined`, and `new AbortController()` read "AbortController is not a constructor".
 */
const ABSENT = ['AbortController', 'AbortSignal', 'EventTarget', 'Event', 'fetch', 'structuredClone', 'SharedArrayBuffer', 'Worker', 'MessageChannel'];

/** Where a name a solution reaches for is one of `interleave/sync`'s, never imported: what to write. */
const IMPORT_IT: Record<string, string> = { Event: "; for a threading Event, import { Event } from 'interleave/sync'" };

function absentGlobals(): Record<string, (...args: unknown[]) => never> {
  return Object.fromEntries(
    ABSENT.map((name) => {
      const absent = function (): never {
        throw new ReferenceError(`${name} is not available to a solution: the judge gives it interleave/sync, timers, console, Date, Math, Promise, URL and JavaScript's own built-ins${IMPORT_IT[name] ?? ''}`);
      };
      Object.defineProperty(absent, 'name', { value: name });
      return [name, absent];
    }),
  );
}

const NOWHERE: EditSites = { loop: () => undefined, catch: () => undefined, await: () => undefined };

/**
 * The learner's globals, given the `interleave/sync` module object, where each of the judge's
 * edits of the submission is, and how a logged error reads.
 */
export function endowments(syncModule: object, sites: EditSites = NOWHERE, showError: ShowError = (header) => header): Record<string, unknown> {
  const requireSync = (name: string): object => {
    if (name === 'interleave/sync') return syncModule;
    throw new Error(`require("${name}") is not allowed: a solution may import only "interleave/sync" and its own files`);
  };
  return harden({
    __interleave_async: runAsync,
    __interleave_loop: (id: number): void => activeRuntimeOrNull()?.loopTick(id, sites.loop),
    __interleave_caught: (error: unknown, id: number): void => {
      if (isStackOverflow(error)) activeRuntimeOrNull()?.caughtStackOverflow(sites.catch(id));
    },
    __interleave_await: (value: unknown, id: number): unknown => {
      const rt = activeRuntimeOrNull();
      if (rt !== null && rt.tracing) rt.awaitSite = sites.await(id);
      return value;
    },
    require: requireSync,
    console: capturedConsole(showError),
    setTimeout: setTimeoutV,
    clearTimeout: clearTimer,
    setInterval: setIntervalV,
    clearInterval: clearTimer,
    setImmediate: setImmediateV,
    clearImmediate: clearTimer,
    queueMicrotask: queueMicrotaskV,
    Date: VirtualDate,
    performance: virtualPerformance,
    Math: virtualMath(),
    Promise: ThreadPromise,
    ...absentGlobals(),
    ...refusedEvaluators(),
    // Pure parsing, no I/O and no clock: `new URL(url).hostname` is how JavaScript reads a URL.
    URL,
    URLSearchParams,
  });
}
