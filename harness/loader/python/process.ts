/**
 * One Python process judging one submission, and the synchronous channel to it. The judge talks
 * to the runner through FIFOs with blocking `readSync`/`writeSync`: a proxy thread of the judge's
 * runtime stays a plain coroutine (no promise, no event loop turn per step), so a run is exactly
 * as deterministic as a TypeScript one. Every Python thread reads a FIFO of its own (its slot;
 * the main thread's is `to-py`), so the judge's answer wakes the very thread it is for: no thread
 * of the runner wakes another, which cost a GIL hand-off per switch (bench:python). All threads
 * answer on `from-py`; only one runs at a time. A supervisor process (interleave_runner.py) runs
 * no learner code: it kills a runner past its limits and always tells the judge how it ended.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { packageRoot } from '../../paths';
import { findPython } from './find-python';

/** The runtime's .py files: shipped as they are (the npm package lists the folder). */
export function runtimeDir(): string {
  return path.join(packageRoot(), 'harness', 'loader', 'python', 'runtime');
}

export interface PythonLimits {
  /** Address space beyond the interpreter's own, in MiB (MemoryError → MLE). */
  memoryMb: number;
  /** One step (learner code between two switch points), in seconds of wall clock. */
  stepSeconds: number;
  /** CPU seconds of one runner process. */
  cpuSeconds: number;
  /** The whole process, in seconds of wall clock. */
  wallSeconds: number;
  /** Output of one run (print, logging) before OLE. */
  outputBytes: number;
}

/** A message the runner sent; `['died', …]` when the supervisor reports the runner's end. */
export type Reply = unknown[];

/** The process ended (or broke the protocol): what the supervisor said, for the verdict. */
export class PythonGone extends Error {
  constructor(readonly report: Reply) {
    super('the Python process ended');
  }
}

let netns: string[] | null | undefined;

/** `unshare -n` when it works here (checked once): the runner gets no network at all. */
function networkPrefix(): string[] | null {
  if (netns !== undefined) return netns;
  netns = null;
  if (process.platform !== 'linux') return netns;
  for (const flags of [['-n'], ['-r', '-n']]) {
    try {
      const r = spawnSync('unshare', [...flags, 'true'], { stdio: 'ignore', timeout: 5000 });
      if (r.status === 0) return (netns = ['unshare', ...flags, '--']);
    } catch {
      return netns;
    }
  }
  return netns;
}

/** Is the Python runner cut off from the network on this machine? */
export function pythonNetworkIsolated(): boolean {
  return networkPrefix() !== null;
}

/** Slot FIFOs made at a time (more are made when a run needs more threads). */
const SLOT_BATCH = 16;

/** The reports after which a Python thread waits for its next call (it may serve another thread). */
const ENDS_CALL = new Set(['ret', 'exc', 'bad']);

export class PythonProcess {
  private child: ChildProcess | null = null;
  /** Slot FIFOs by number, opened read-write (so a reader never sees end-of-file while the judge lives); 0 is `to-py`. */
  private slots: number[] = [];
  /** The slot of each of this run's threads (tid 0, the main thread, is slot 0). */
  private slotOf = new Map<number, number>();
  /** Slots whose thread finished its call in an earlier run: it serves the next new thread. */
  private free: number[] = [];
  /** Slots whose thread's last report ended its call. */
  private idle = new Set<number>();
  /** Slot FIFOs made in the folder so far (s1 … sN). */
  private made = 0;
  /** The slot of the thread that wrote last (it waits on its slot now). */
  private lastSlot = 0;
  private fromPy = -1;
  private pending: Buffer[] = [];
  private readonly lines: string[] = [];
  private readonly buf = Buffer.allocUnsafe(1 << 16);
  private dir = '';
  private stderr = '';
  dead: Reply | null = null;

  /**
   * Starts the supervisor and opens the channel, synchronously (a process that died is replaced
   * between two runs, where the judge cannot wait for an event). The FIFOs are opened without
   * blocking first, so a runner that never comes up is an error after `startSeconds`, not a hang.
   */
  start(limits: PythonLimits, startSeconds = 20): void {
    const python = findPython();
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-py-'));
    const toPath = path.join(this.dir, 'to-py');
    const fromPath = path.join(this.dir, 'from-py');
    this.makeFifos([toPath, fromPath, ...this.slotBatch()]);
    const runner = path.join(runtimeDir(), 'interleave_runner.py');
    const args = ['-S', '-s', '-B', runner, this.dir, JSON.stringify(limits)];
    const prefix = networkPrefix();
    const [cmd, ...rest] = prefix ? [...prefix, python.executable, ...args] : [python.executable, ...args];
    const child = spawn(cmd, rest, {
      cwd: this.dir,
      // Nothing of the judge's environment: no tokens, no HOME; a fixed hash seed (set order).
      // One malloc arena: only one thread runs at a time, and under RLIMIT_AS the per-thread arenas
      // of many threads fail to grow and fall back to an mmap per allocation (4x the system time).
      env: { MALLOC_ARENA_MAX: '1', PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', LANG: 'C.UTF-8', TZ: 'UTC' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    child.on('error', () => {});
    // An idle runner never keeps the judge's process alive (it ends when its FIFOs close).
    child.unref();
    (child.stderr as unknown as { _handle?: { unref?: () => void } })._handle?.unref?.();
    child.stderr!.on('data', (d: Buffer) => {
      if (this.stderr.length < 4096) this.stderr += d.toString('utf8');
    });
    const probe = fs.openSync(fromPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      this.awaitReady(probe, startSeconds);
      // Now that the runner holds the write end, a blocking descriptor opens at once.
      this.fromPy = fs.openSync(fromPath, 'r');
    } finally {
      fs.closeSync(probe);
    }
    this.slots = [fs.openSync(toPath, 'w')];
  }

  private makeFifos(paths: string[]): void {
    const made = spawnSync('mkfifo', ['-m', '600', ...paths], { stdio: 'ignore' });
    if (made.status !== 0) throw new Error('interleave: cannot make the FIFOs the Python runner talks through (mkfifo failed)');
  }

  /** The paths of the next batch of slot FIFOs (counted in `made`). */
  private slotBatch(): string[] {
    const paths: string[] = [];
    for (let i = 0; i < SLOT_BATCH; i++) paths.push(path.join(this.dir, `s${++this.made}`));
    return paths;
  }

  /** A slot for a thread Python has not seen: a thread that finished its call in an earlier run, or a new one. */
  private slotFor(tid: number): { slot: number; fresh: boolean } {
    const reused = this.free.pop();
    if (reused !== undefined) {
      this.slotOf.set(tid, reused);
      return { slot: reused, fresh: false };
    }
    const slot = this.slots.length;
    if (slot > this.made) this.makeFifos(this.slotBatch());
    // Read-write: opens at once without a reader, and the thread's read never sees end-of-file.
    this.slots.push(fs.openSync(path.join(this.dir, `s${slot}`), fs.constants.O_RDWR));
    this.slotOf.set(tid, slot);
    return { slot, fresh: true };
  }

  /** A new run: threads that finished their calls serve its threads; the others stay parked. */
  private newRun(): void {
    for (const slot of this.slotOf.values()) if (slot !== 0 && this.idle.has(slot)) this.free.push(slot);
    this.slotOf.clear();
  }

  /** Polls (1 ms apart) for the supervisor's `ready` line. */
  private awaitReady(fd: number, seconds: number): void {
    const deadline = Date.now() + seconds * 1000;
    const buf = Buffer.alloc(64);
    const pause = new Int32Array(new SharedArrayBuffer(4));
    let got = '';
    for (;;) {
      let n = 0;
      try {
        n = fs.readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      }
      got += buf.toString('utf8', 0, n);
      if (got.includes('ready\n')) return;
      if (Date.now() > deadline) {
        this.close();
        throw new Error(`interleave: the Python runner did not start within ${seconds} s${this.stderr ? `: ${this.stderr.trim().slice(0, 500)}` : ''}`);
      }
      Atomics.wait(pause, 0, 0, 1);
    }
  }

  /**
   * Sends one message to the thread it is for (`msg[0]`, the tid) and waits (blocking) for the
   * runner's one answer. A thread Python has not seen is served by an idle thread of an earlier
   * run, or else started by the thread that wrote last (`spawn`), in a slot of its own.
   */
  request(msg: unknown[]): Reply {
    if (this.dead) throw new PythonGone(this.dead);
    const tid = msg[0] as number;
    if (msg[1] === 'run') this.newRun();
    let slot = tid === 0 ? 0 : this.slotOf.get(tid);
    let to: number;
    let out: unknown[] = msg;
    try {
      if (slot === undefined) {
        const s = this.slotFor(tid);
        slot = s.slot;
        if (s.fresh) out = [-1, 'spawn', slot, msg];
        to = s.fresh ? this.slots[this.lastSlot] : this.slots[slot];
      } else {
        to = this.slots[slot];
      }
    } catch (e) {
      this.close();
      throw e;
    }
    const data = Buffer.from(JSON.stringify(out) + '\n', 'utf8');
    try {
      let off = 0;
      while (off < data.length) off += fs.writeSync(to, data, off);
    } catch {
      return this.gone(this.readDeath());
    }
    const reply = this.readLine();
    this.lastSlot = slot;
    // The thread's own report, under the print calls it may carry (`cbs`, see run.ts).
    const own = reply[1] === 'cbs' && Array.isArray(reply[4]) ? (reply[4] as Reply) : reply;
    // A thread that could not be started (`spawn`) has no slot to serve another from.
    if (ENDS_CALL.has(own[1] as string) && own[6] !== 'spawn') this.idle.add(slot);
    else this.idle.delete(slot);
    if (reply[0] === 'died' || (reply[0] === 0 && reply[1] === 'spin')) {
      // The watchdog's last word comes before the supervisor's report: keep the more telling one.
      const report = reply[0] === 'died' ? reply : this.readDeath(reply);
      return this.gone(report);
    }
    return reply;
  }

  private gone(report: Reply): never {
    this.dead = report;
    this.close();
    throw new PythonGone(report);
  }

  /** After a write failed or a watchdog spoke: the supervisor's report, if any comes. */
  private readDeath(first?: Reply): Reply {
    if (first) return first;
    try {
      for (;;) {
        const r = this.readLine();
        if (r[0] === 'died' || r[1] === 'spin') return r;
      }
    } catch (e) {
      return e instanceof PythonGone ? e.report : ['died', 0, 'lost', 0, ''];
    }
  }

  private readLine(): Reply {
    for (;;) {
      const line = this.takeLine();
      if (line !== null) {
        if (line.length === 0) continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          parsed = null;
        }
        if (!Array.isArray(parsed)) return [0, 'bad', 0, 'the Python side sent a line the judge cannot read'];
        return parsed;
      }
      let n: number;
      try {
        n = fs.readSync(this.fromPy, this.buf, 0, this.buf.length, null);
      } catch {
        n = 0;
      }
      if (n === 0) {
        const report: Reply = ['died', 0, 'lost', 0, ''];
        this.dead = report;
        throw new PythonGone(report);
      }
      // The usual case: one whole message in one read, decoded straight from the read buffer.
      if (this.pending.length === 0 && this.buf[n - 1] === 10 && this.buf.indexOf(10) === n - 1) {
        this.lines.push(this.buf.toString('utf8', 0, n - 1));
        continue;
      }
      this.pending.push(Buffer.from(this.buf.subarray(0, n)));
      if (this.pendingBytes() > 64 << 20) return [0, 'bad', 0, 'the Python side sent more than 64 MiB in one message'];
    }
  }

  private pendingBytes(): number {
    return this.pending.reduce((s, b) => s + b.length, 0);
  }

  private takeLine(): string | null {
    if (this.lines.length > 0) return this.lines.shift()!;
    if (this.pending.length === 0) return null;
    const all = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    const i = all.indexOf(10);
    if (i < 0) {
      this.pending = [all];
      return null;
    }
    const rest = all.subarray(i + 1);
    this.pending = rest.length > 0 ? [rest] : [];
    return all.toString('utf8', 0, i);
  }

  /** Ends the process and removes its folder. */
  close(): void {
    for (const fd of [...this.slots, this.fromPy]) {
      if (fd >= 0) {
        try {
          fs.closeSync(fd);
        } catch {
          // already closed
        }
      }
    }
    this.slots = [];
    this.fromPy = -1;
    try {
      this.child?.kill('SIGKILL');
    } catch {
      // gone
    }
    this.child = null;
    if (this.dir) {
      fs.rmSync(this.dir, { recursive: true, force: true });
      this.dir = '';
    }
    this.dead ??= ['died', 0, 'closed', 0, ''];
  }
}
