/**
 * One run of a Python solution, on the judge's side. The module's classes become classes the
 * judge instantiates and calls as it does a TypeScript solution's: each method call is a proxy
 * coroutine of the calling thread that tells Python to run the method, then performs every
 * operation Python reports on the judge's own primitive (awaiting it: a switch point) and tells
 * Python the outcome, until the method returns or raises. Python never decides anything.
 */
import { runAsync } from '../async-driver';
import type { SourceSite } from '../../model/result';
import { activeRuntime } from '../../scheduler/active';
import { waitOf } from '../../scheduler/operation';
import type { Runtime } from '../../scheduler/runtime';
import type { Coroutine } from '../../scheduler/task';
import type { Thread } from '../../scheduler/thread';
import { Wait } from '../../scheduler/wait';
import * as sync from '../../sync/index';
import { PythonException, toPythonError } from './errors';
import { makePrimitive, namePart, perform, pythonKindOf, query, type PythonThread } from './primitives';
import { PythonGone, type Reply } from './process';
import type { PythonSession } from './session';
import { printedNote } from '../printed-note';
import { LEARNER_METHODS } from '../language';
import { camelName } from './names';

/** Where a proxy stops once the run is decided (a dead process, an output flood): never ready. */
class Stopped extends Wait<never> {
  ready(): boolean {
    return false;
  }
  take(): never {
    throw new Error('unreachable');
  }
  describe(): string {
    return 'the Python process';
  }
}
/** Silent: the row that says why the thread stopped is written where it stops (spinStopped). */
const STOPPED = new Stopped();
STOPPED.silent = true;

/**
 * Questions a thread may ask in a row without a switch point: past this, it polls a state no other
 * thread can change while it does (they never get a turn), and the run is a livelock. Each
 * question is a round trip to the judge, so this stops in a second or two what the watchdog,
 * which times the thread's own CPU, would let run until the job's whole limit.
 */
const QUESTION_SPIN = 10_000;

function questionSpinMessage(limit: number, what: string, where: string, thread = 'a thread'): string {
  return (
    `${thread} asked ${limit.toLocaleString('en-US')} questions in a row (${what}() the last) without reaching a switch point${where}: ` +
    'a loop that polls a state without waiting gives no other thread a turn to change it. Wait for it (Event.wait(), Queue.get(), a Condition), ' +
    'or call time.sleep(0) in the loop'
  );
}

/** What the runner may answer (`ce` only to the source, which the session reads). */
const KINDS = new Set(['ok', 'exc', 'op', 'cb', 'q', 'out', 'ole', 'ret']);

/** Numbers of objects the judge made and passes to Python (a stop event), apart from Python's own. */
const JUDGE_OBJECTS = 1_000_000;

export class PythonRun {
  private readonly objects = new Map<number, unknown>();
  private readonly callbacks: Array<(...a: unknown[]) => unknown> = [];
  /** Where each callback was passed (`zero/0`: the first argument of zero()), for the session's quiet set. */
  private readonly callbackKeys: Array<string | undefined> = [];
  private readonly tids = new Map<Thread, number>();
  private judgeObjects = 0;
  private instance: object | null = null;

  constructor(
    private readonly session: PythonSession,
    private readonly rt: Runtime,
  ) {}

  // ----- the module and the instance (the main thread, synchronously) ---------------------------

  /** Runs the module afresh; its classes, as the judge's `exports`. */
  module(attributeSwitchPoints = false): Record<string, unknown> {
    const seed = Math.floor(this.rt.random.next() * 2 ** 31);
    const reply = this.main(['run', seed, this.rt.tracing, attributeSwitchPoints]);
    const classes = reply[3] as Record<string, string[]>;
    const mentioned = reply[5] as string[];
    const exports: Record<string, unknown> = {};
    for (const [name, methods] of Object.entries(classes)) exports[name] = this.facade(name, methods, mentioned);
    return exports;
  }

  /**
   * A class standing for the Python class `name`: `new` instantiates it in Python. Its prototype
   * has the class's methods, and a getter for every other name the module mentions: an instance
   * may own a method under it (`self.first = self._first` in `__init__`), which the getter reads
   * from Python in learner time, as the judge reads a TypeScript instance's own methods.
   */
  private facade(name: string, methods: string[], mentioned: string[]): unknown {
    const run = this;
    const proto: Record<string, unknown> = {};
    for (const py of methods) {
      const js = camelName(py);
      // Both spellings defined: the snake_case one, the Python name the problem states.
      if (js !== undefined && (!(js in proto) || py !== js)) proto[js] = this.method(py);
    }
    for (const py of mentioned) {
      const js = camelName(py);
      if (js === undefined || js in proto) continue;
      Object.defineProperty(proto, js, { get: () => run.read(py) });
    }
    const Facade = function (this: unknown, ...args: unknown[]): object {
      run.main(['new', name, args.map((a) => run.encode(a))]);
      const instance: object = Object.create(proto);
      run.instance = instance;
      // A field the problem reads at the end (race-counter's `value`) is read from Python then.
      return new Proxy(instance, {
        get: (target, prop, receiver) => {
          if (typeof prop !== 'string' || prop in proto) return Reflect.get(target, prop, receiver);
          return run.read(prop);
        },
      });
    } as unknown as { prototype: object };
    Facade.prototype = proto;
    Object.defineProperty(Facade, LEARNER_METHODS, { value: Object.freeze([...methods]) });
    return Facade;
  }

  /** The judge's handle on the learner's method `py`: each call runs it in Python. */
  private method(py: string): (...args: unknown[]) => unknown {
    const run = this;
    return function (this: unknown, ...args: unknown[]): unknown {
      return runAsync(this, [run, py, args], PythonRun.callBody as (...a: unknown[]) => Coroutine);
    };
  }

  /** The instance's attribute `py`, read now: a method it owns is called as a class's is; one it lacks is undefined. */
  private read(py: string): unknown {
    const reply = this.main(['read', py]);
    if (reply[5] === true) return undefined;
    return reply[4] === true ? this.method(py) : reply[3];
  }

  /**
   * A request of the main thread (module, constructor, final reads): answered at once. Operations
   * the constructor performs take effect at once, as in a TypeScript constructor; one that would
   * have to wait is an error.
   */
  private main(msg: unknown[]): Reply {
    let reply = this.send(0, msg);
    for (;;) {
      switch (reply[1]) {
        case 'ok':
          return reply;
        case 'exc':
          throw this.exception(reply);
        case 'stop':
          throw new Error(this.session.ended ?? 'the Python process ended');
        case 'op': {
          let answer: unknown[];
          try {
            const result = perform(this.object(reply[3]), String(reply[4]), reply[5] as unknown[], (t) => this.startThread(t));
            const w = waitOf(result);
            if (w === undefined) answer = ['ok', this.plain(result)];
            else if (w.ready()) {
              w.awaited = true;
              answer = ['ok', this.plain(w.take())];
            } else {
              answer = ['err', 'RuntimeError', `interleave: ${w.describe()} would wait here, outside any thread (in the constructor or at module level)`];
            }
          } catch (e) {
            answer = ['err', ...toPythonError(e)];
          }
          reply = this.send(0, answer);
          break;
        }
        default:
          reply = this.send(0, this.answerAtOnce(reply));
      }
    }
  }

  // ----- a method as a thread ---------------------------------------------------------------

  /** The proxy coroutine of one call of a Python method by the calling thread. */
  *call(method: string, args: unknown[]): Coroutine {
    const me = this.rt.currentThread!;
    const tid = this.tidOf(me);
    this.session.site = undefined;
    const reply = this.send(tid, ['call', me.name, method, args.map((a, i) => this.encode(a, `${method}/${i}`))]);
    return yield* this.serve(tid, reply);
  }

  private tidOf(t: Thread): number {
    let tid = this.tids.get(t);
    if (tid === undefined) {
      tid = this.session.nextTid();
      this.tids.set(t, tid);
    }
    return tid;
  }

  // The coroutines of a method call and of a thread are static, not made per call: see scheduler/coroutines.ts.

  /** A call of the learner's method `py`, served until it returns. */
  private static *callBody(run: PythonRun, py: string, args: unknown[]): Coroutine {
    return yield* run.call(py, args);
  }

  /** A learner's thread, started in Python and served until its target returns. */
  private static *threadBody(run: PythonRun, t: PythonThread): Coroutine {
    const me = run.rt.currentThread!;
    const tid = run.tidOf(me);
    const id = [...run.objects.entries()].find(([, o]) => o === t)![0];
    return yield* run.serve(tid, run.send(tid, ['start', id]));
  }

  /** A `threading.Thread` of the learner's, started: a judge thread whose body runs it in Python. */
  private startThread(t: PythonThread): unknown {
    const run = this;
    t.thread = new sync.Thread({
      name: t.name,
      daemon: t.daemon,
      target: () => runAsync(null, [run, t], PythonRun.threadBody as (...a: unknown[]) => Coroutine),
    });
    return t.thread.start();
  }

  /** Serves Python's requests for thread `tid` until its method returns or raises. */
  private *serve(tid: number, first: Reply): Coroutine {
    let reply = first;
    // Questions asked since the thread's last switch point (a poll of is_set(), empty(), locked()).
    let questions = 0;
    for (;;) {
      if (reply[1] === 'op' || reply[1] === 'cb') questions = 0;
      else if (reply[1] === 'q' && ++questions > QUESTION_SPIN) {
        this.spinStopped(reply);
        yield STOPPED;
        return undefined;
      }
      switch (reply[1]) {
        case 'ret':
          // Python's None is no value, as a TypeScript method that returns nothing.
          return reply[3] === null ? undefined : reply[3];
        case 'exc':
          throw this.exception(reply);
        case 'op': {
          let answer: unknown[];
          try {
            const result = perform(this.object(reply[3]), String(reply[4]), reply[5] as unknown[], (t) => this.startThread(t));
            answer = ['ok', this.plain(waitOf(result) === undefined ? result : yield result)];
          } catch (e) {
            answer = ['err', ...toPythonError(e)];
          }
          reply = this.send(tid, answer);
          break;
        }
        case 'cb': {
          let answer: unknown[];
          try {
            const fn = this.callbacks[reply[3] as number];
            const result = fn(...(reply[4] as unknown[]));
            const w = waitOf(result);
            // A callback that gave nothing back at once (a print callback) is quiet from now on:
            // Python sends its later calls with the thread's next message (see applyQuiet).
            const quiet = w === undefined && result === undefined;
            const key = this.callbackKeys[reply[3] as number];
            if (quiet && key !== undefined) this.session.quietArgs.add(key);
            answer = quiet ? ['ok', null, true] : ['ok', this.plain(w === undefined ? result : yield result)];
          } catch (e) {
            answer = ['err', ...toPythonError(e)];
          }
          reply = this.send(tid, answer);
          break;
        }
        case 'stop':
          // The run is decided (output limit, a dead process): this proxy never goes on.
          yield STOPPED;
          return undefined;
        default:
          reply = this.send(tid, this.answerAtOnce(reply));
      }
    }
  }

  /** Questions, prints and anything else that is no switch point. */
  private answerAtOnce(reply: Reply): unknown[] {
    switch (reply[1]) {
      case 'q':
        try {
          return ['ok', this.plain(query(this.object(reply[3]), String(reply[4]), () => this.rt.clock.now))];
        } catch (e) {
          return ['err', ...toPythonError(e)];
        }
      case 'out': {
        const t = this.rt.currentThread;
        if (t && this.rt.tracing) this.rt.record(t, 'note', printedNote(reply[3] === 'stderr' ? 'stderr' : 'print', String(reply[4])), this.session.site);
        return ['ok', null];
      }
      case 'ole':
        this.rt.fail('OLE', `the solution printed more than ${Number(reply[3]) / 1024} KiB (print or logging)${this.where()}`);
        return ['ok', null];
      case 'cb':
      case 'op':
        return ['err', 'RuntimeError', 'interleave: this cannot run outside a thread (in the constructor, a print callback)'];
      default:
        this.rt.fail('JE', `the Python runner sent something the judge does not understand: ${JSON.stringify(reply).slice(0, 200)}`);
        return ['ok', null];
    }
  }

  // ----- the channel ---------------------------------------------------------------------------

  /** One request to Python and its answer; the primitives Python created meanwhile are made here. */
  private send(tid: number, msg: unknown[]): Reply {
    let reply: Reply;
    try {
      reply = this.session.request([tid, ...msg]);
    } catch (e) {
      if (!(e instanceof PythonGone)) throw e;
      // What a thread stopped by the watchdog printed before it spun is shown.
      if (e.report[1] === 'spin' && Array.isArray(e.report[4])) this.applyQuiet(e.report[4] as unknown[][]);
      this.session.processEnded(e.report, this.rt);
      return [0, 'stop'];
    }
    if (reply[1] === 'cbs') {
      // Print calls since the last message, made now: no other thread ran in between.
      this.applyQuiet(reply[3] as unknown[][]);
      reply = reply[4] as Reply;
    }
    if (!KINDS.has(reply[1] as string)) {
      // A line the judge cannot read, or one the runner says is wrong: the channel is out of step
      // (learner code wrote to it, or changed the runtime), and nothing it says can be trusted now.
      this.session.processEnded(['died', 0, 'protocol', String(reply[3] ?? reply[1]).slice(0, 200), 0], this.rt);
      return [0, 'stop'];
    }
    const news = reply[0];
    if (Array.isArray(news)) {
      for (const n of news as unknown[][]) {
        const [id, kind, ...args] = n;
        if (kind === 'Part') namePart(this.objects.get(id as number), args[0]);
        else this.objects.set(id as number, makePrimitive(String(kind), args, this.objects));
      }
    }
    const line = reply[2];
    this.at(line);
    if (reply[1] === 'ole') {
      // An output flood: the run is over, nothing more may happen in it.
      this.answerAtOnce(reply);
      return [0, 'stop'];
    }
    return reply;
  }

  /** Calls of quiet callbacks Python sent with its next message: `[index, args, line]` each. */
  private applyQuiet(calls: unknown[][]): void {
    for (const [index, args, line] of calls) {
      const fn = this.callbacks[index as number];
      this.at(line);
      let result: unknown;
      try {
        result = fn(...(args as unknown[]));
      } catch (e) {
        result = e;
      }
      if (result !== undefined) {
        this.rt.fail('JE', 'a callback the judge took for a print callback (it, or the one passed in its place before, gave nothing back) gave something back: please report it');
        return;
      }
    }
  }

  private object(id: unknown): unknown {
    if (id === 0) return 0;
    const o = this.objects.get(id as number);
    if (o === undefined) throw new Error(`no object ${String(id)} in this run`);
    return o;
  }

  /**
   * An argument for Python: data as it is, a callback by number, a judge's primitive by id. A
   * callback passed where a print callback was passed before (the same argument of the same
   * method: a problem's argument kinds are fixed) is quiet from its first call.
   */
  private encode(a: unknown, key?: string): unknown {
    if (typeof a === 'function') {
      this.callbacks.push(a as (...x: unknown[]) => unknown);
      this.callbackKeys.push(key);
      const quiet = key !== undefined && this.session.quietArgs.has(key);
      return { cb: this.callbacks.length - 1, name: (a as { name?: string }).name || 'callback', ...(quiet && { quiet: true }) };
    }
    const kind = pythonKindOf(a);
    if (kind !== undefined) {
      const id = JUDGE_OBJECTS + ++this.judgeObjects;
      this.objects.set(id, a);
      return { obj: id, type: kind };
    }
    const service = this.service(a);
    if (service !== undefined) return service;
    return a;
  }

  /**
   * A harness service (web-crawler's `htmlParser`): an object of functions, each a callback for
   * Python, called on the object (its calls may wait: `getUrls` takes virtual time).
   */
  private service(a: unknown): { svc: Record<string, number> } | undefined {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return undefined;
    const names = Object.keys(a).filter((k) => typeof (a as Record<string, unknown>)[k] === 'function');
    if (names.length === 0) return undefined;
    const svc: Record<string, number> = {};
    for (const name of names) {
      this.callbacks.push((...x: unknown[]) => (a as Record<string, (...y: unknown[]) => unknown>)[name](...x));
      this.callbackKeys.push(undefined);
      svc[name] = this.callbacks.length - 1;
    }
    return { svc };
  }

  /** A value for Python: JSON data (the judge's own objects never cross). */
  private plain(v: unknown): unknown {
    if (v === undefined || typeof v === 'function') return null;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) !== Object.prototype) return null;
    return v;
  }

  /** The learner's line the running thread's Python code is at (see PythonSession.siteThread). */
  private at(line: unknown): void {
    this.session.site = typeof line === 'number' && line > 0 ? { file: this.session.file, line } : undefined;
    this.session.siteThread = this.rt.currentThread;
  }

  /**
   * The thread polled past QUESTION_SPIN: TLE, with the poll as the trace's last row of that thread
   * (it read `waits in the Python process`) and the thread named in the message.
   */
  private spinStopped(reply: Reply): void {
    const what = String(reply[4]);
    const thread = this.rt.currentThread;
    let target: unknown;
    try {
      target = this.object(reply[3]);
    } catch {
      target = undefined;
    }
    const kind = pythonKindOf(target);
    const call = kind === undefined ? `${what}()` : `${kind}.${what}()`;
    if (thread) {
      const rounds = QUESTION_SPIN.toLocaleString('en-US');
      this.rt.record(thread, 'op', `${call} asked ${rounds} times in a row, with no switch point between: no other thread got a turn`, this.session.site, typeof target === 'object' && target !== null ? target : undefined);
    }
    this.rt.fail('TLE', questionSpinMessage(QUESTION_SPIN, what, this.where(), thread?.name));
  }

  private where(): string {
    const s = this.session.site;
    return s ? ` (at ${s.file}:${s.line})` : '';
  }

  /** A Python exception as the judge reports it; a MemoryError is the memory limit. */
  private exception(reply: Reply): PythonException {
    const [, , , name, message, frames] = reply as [unknown, unknown, unknown, string, string, Array<[number, string]>];
    const e = new PythonException(String(name), String(message), frames ?? [], this.session.file, this.session.lines);
    if (name === 'MemoryError') this.rt.fail('MLE', `the solution ran out of memory (MemoryError${this.where()}): the limit is ${this.session.limits.memoryMb} MiB`, e);
    return e;
  }

  get site(): SourceSite | undefined {
    return this.session.site;
  }
}
