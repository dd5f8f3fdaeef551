/**
 * The parent's view of one worker process: its output and how it ended. tinypool pipes a worker's
 * stdout and stderr into the grader's; we cut that pipe so a submission can neither print fake
 * results into the grader's output nor flood it, and keep the tail of stderr, where Node and V8
 * explain a crash ("JavaScript heap out of memory").
 */
import type { ChildProcess } from 'node:child_process';

const TAIL_BYTES = 8 * 1024;

export interface ChildWatch {
  /** The last few KB the worker wrote to stderr. */
  stderrTail(): string;
  /** How many bytes it wrote to stdout (thrown away). */
  stdoutBytes(): number;
  /** How the process ended, once it has. */
  exit(): { code: number | null; signal: string | null } | undefined;
}

const watches = new WeakMap<ChildProcess, ChildWatch>();

/**
 * Starts watching a tinypool child-process worker (idempotent: the same watch every time).
 * `onCrash` hears the stderr tail and pid of a worker that ended badly. Returns undefined when the worker
 * does not expose its process (tinypool's internals changed): the worker's own silencing of stdout
 * (worker.ts) is then the only guard, and deaths are explained less precisely.
 */
export function watchChild(worker: unknown, onCrash?: (stderrTail: string, pid: number) => void): ChildWatch | undefined {
  const child = childOf(worker);
  if (!child) return undefined;
  const known = watches.get(child);
  if (known) return known;
  let tail = '';
  let stdout = 0;
  let ended: { code: number | null; signal: string | null } | undefined;
  child.stdout?.unpipe(process.stdout);
  child.stderr?.unpipe(process.stderr);
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.length;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
  });
  child.once('exit', (code: number | null, signal: string | null) => {
    ended = { code, signal };
  });
  // 'close' comes after the streams ended, so the tail is complete by then.
  child.once('close', (code: number | null, signal: string | null) => {
    if (code !== 0 || signal !== null) onCrash?.(tail, child.pid!);
  });
  const watch: ChildWatch = { stderrTail: () => tail, stdoutBytes: () => stdout, exit: () => ended };
  watches.set(child, watch);
  return watch;
}

function childOf(worker: unknown): ChildProcess | undefined {
  const child = (worker as { process?: ChildProcess } | null)?.process;
  return child && typeof child.pid === 'number' && typeof child.once === 'function' ? child : undefined;
}
