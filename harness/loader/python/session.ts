/**
 * A Python submission being judged: its source, the process running it (started when first
 * needed, replaced after it died or left too many threads parked, closed when idle), and what the
 * judge's side of a run needs from it (the learner's line of the running operation).
 */
import type { SourceSite } from '../../model/result';
import type { Runtime } from '../../scheduler/runtime';
import type { Thread } from '../../scheduler/thread';
import { CompileError } from '../compile';
import { PythonProcess, type PythonLimits, type Reply } from './process';

export const DEFAULT_LIMITS: PythonLimits = {
  memoryMb: 256,
  stepSeconds: 3,
  cpuSeconds: 120,
  wallSeconds: 600,
  outputBytes: 1 << 20,
};

/** Threads earlier runs left blocked in a process before it is replaced by a fresh one. */
const MAX_PARKED = 48;
/** A process nobody used for this long is closed (a new one starts when needed). */
const IDLE_MS = 1500;

const open = new Set<PythonSession>();
let sweeper: NodeJS.Timeout | null = null;

function sweep(): void {
  const now = Date.now();
  for (const s of open) if (now - s.lastUse > IDLE_MS) s.closeProcess();
  if (open.size === 0 && sweeper) {
    clearInterval(sweeper);
    sweeper = null;
  }
}

export class PythonSession {
  private proc: PythonProcess | null = null;
  private tid = 0;
  /** The learner's line of the operation being performed now (what traces show). */
  site: SourceSite | undefined;
  /**
   * The judge's thread whose Python code is at `site`: a harness thread that acts meanwhile (the
   * stopper's `set`) is at no line of the learner's.
   */
  siteThread: Thread | null = null;
  lastUse = Date.now();
  readonly lines: readonly string[];
  private parked = 0;
  /** Arguments (`method/index`) found to be print callbacks: their callbacks are quiet at once. */
  readonly quietArgs = new Set<string>();
  /** How the last process ended mid-run, in words (for an error the module or constructor saw). */
  ended: string | undefined;

  constructor(
    readonly file: string,
    readonly source: string,
    readonly limits: PythonLimits = DEFAULT_LIMITS,
  ) {
    this.lines = source.split('\n');
  }

  /** Starts the process and loads the source: a syntax error is a CompileError (CE). */
  ensure(): PythonProcess {
    this.lastUse = Date.now();
    if (this.proc && this.proc.dead === null && this.parked <= MAX_PARKED) return this.proc;
    this.closeProcess();
    const proc = new PythonProcess();
    proc.start(this.limits);
    this.proc = proc;
    this.parked = 0;
    open.add(this);
    sweeper ??= setInterval(sweep, 500);
    sweeper.unref();
    const reply = proc.request([0, 'source', this.file, this.source]);
    if (reply[1] === 'ce') {
      const [, , line, kind, msg, offset, text] = reply as [unknown, unknown, number, string, string, number, string];
      this.closeProcess();
      const site = line > 0 ? { file: this.file, line, column: Math.max(1, offset) } : undefined;
      const frame = line > 0 && text ? `${this.file}:${line}:${Math.max(1, offset)}: ${kind}: ${msg}\n    ${text}\n    ${' '.repeat(Math.max(0, offset - 1))}^` : undefined;
      throw new CompileError(`${this.file}${site ? `:${line}:${site.column}` : ''}: ${kind}: ${msg}`, site, frame);
    }
    if (reply[1] !== 'ok') throw new Error(`interleave: the Python runner did not load the file: ${JSON.stringify(reply).slice(0, 300)}`);
    return proc;
  }

  /** One message to Python and its answer (see PythonProcess.request). */
  request(msg: unknown[]): Reply {
    this.lastUse = Date.now();
    const proc = msg[1] === 'run' ? this.ensure() : this.proc;
    if (!proc) throw new Error('interleave: no Python process (a run must start with the module)');
    const reply = proc.request(msg);
    if (msg[1] === 'run' && reply[1] === 'ok') this.parked = Number(reply[4]) || 0;
    return reply;
  }

  nextTid(): number {
    return ++this.tid;
  }

  /** The process ended in the middle of a run: the run's verdict, from how it ended. */
  processEnded(report: Reply, rt: Runtime): void {
    // The thread Python was running for when it stopped: named in the message.
    const thread = (rt.currentThread ?? this.siteThread)?.name ?? 'a thread';
    this.proc?.close();
    this.proc = null;
    const fail = rt.fail.bind(rt);
    rt = {
      fail: (v: Parameters<Runtime['fail']>[0], m: string, e?: unknown, byClock?: boolean) => {
        this.ended = m;
        fail(v, m, e, byClock);
      },
    } as Runtime;
    const where = this.site ? ` (at ${this.site.file}:${this.site.line})` : '';
    if (report[1] === 'spin') {
      const line = Number(report[2]);
      const at = line > 0 ? ` at ${this.file}:${line}` : where;
      rt.fail('TLE', `${thread} ran for more than ${report[3]} s${at} without reaching a switch point: an endless loop with no threading operation (or time.sleep) in it?`, undefined, true);
      return;
    }
    const [, , how, what, extra] = report as [unknown, unknown, string, unknown, unknown];
    if (how === 'protocol') {
      rt.fail(
        'RTE',
        `the Python process sent the judge something out of step with its protocol${where} (${String(what)}): a solution must not write to the judge's channel or change the judge's runtime; if yours does neither, this is the judge's fault: please report it`,
      );
    } else if (how === 'limit' && what === 'step') {
      rt.fail('TLE', `${thread} ran for more than ${extra} s${where} without reaching a switch point (it held the interpreter: a long computation, or an endless loop)`, undefined, true);
    } else if (how === 'limit') {
      rt.fail('TLE', `the Python process ran longer than its wall-clock limit of ${this.limits.wallSeconds} s`, undefined, true);
    } else if (how === 'signal' && (extra === 'SIGXCPU' || what === 24)) {
      rt.fail('TLE', `the Python process used more than ${this.limits.cpuSeconds} s of CPU`, undefined, true);
    } else if (how === 'signal') {
      rt.fail('RTE', `the Python process was killed by ${extra || `signal ${String(what)}`}${where}${extra === 'SIGSEGV' ? ' (a crash: a recursion too deep for the C stack?)' : ''}`);
    } else if (how === 'exit') {
      rt.fail('RTE', `the solution ended the Python process (exit status ${String(what)}${where}): a solution must not exit (os._exit, sys.exit in the main thread)`);
    } else {
      rt.fail('RTE', `the Python process ended unexpectedly${where}`);
    }
  }

  closeProcess(): void {
    this.proc?.close();
    this.proc = null;
    open.delete(this);
  }
}
