/**
 * Whether the sandbox's workers can start at all. A worker that crashes before it ever took a job
 * points at the installation (a missing build, a file the permission model refuses), not at a
 * submission; when that keeps happening and no worker ever took a job, the sandbox is broken and
 * every job fails at once as JE instead of each waiting for a worker that will never come.
 *
 * A worker also dies before it announces itself when the job handed to it cannot be received (a
 * message of 100 MB of code: the worker runs out of memory reading it). That is one job's doing,
 * and its retry fails the same way; so the crashes must also have kept at least two different
 * jobs from starting. One job never makes the judge say its workers cannot start (with one worker
 * and that job first, the grader stopped and no reports were written).
 */

/** Boot crashes, with no worker ever started, that make the sandbox broken. */
const BOOT_FAILURES = 2;
/** Different jobs no worker took, with no worker ever started, that make the sandbox broken. */
const JOBS_NOT_STARTED = 2;

export class Health {
  private started = new Set<number>();
  private bootFailures = 0;
  private readonly notStarted = new Set<object>();
  /** Why the workers cannot start, once that is certain. */
  broken: string | undefined;
  /** What the last crashed worker said, to explain a job no worker took. */
  lastCrash = '';
  private readonly listeners: Array<() => void> = [];

  /** A worker took a job. */
  workerStarted(pid: number): void {
    this.started.add(pid);
  }

  /** A worker ended badly; `stderrTail` is what it wrote last. */
  workerCrashed(pid: number, stderrTail: string): void {
    this.lastCrash = crashSummary(stderrTail);
    if (this.started.has(pid)) return;
    this.bootFailures++;
    this.decide();
  }

  /** An attempt at `job` ended with no worker taking it (the worker it went to crashed, or none came). */
  jobNotStarted(job: object): void {
    this.notStarted.add(job);
    this.decide();
  }

  private decide(): void {
    if (this.broken || this.started.size > 0) return;
    if (this.bootFailures < BOOT_FAILURES || this.notStarted.size < JOBS_NOT_STARTED) return;
    this.broken = `${this.bootFailures} workers crashed while starting${this.lastCrash ? `: ${this.lastCrash}` : ''}`;
    for (const listener of this.listeners.splice(0)) listener();
  }

  /** Calls `listener` once the sandbox is broken (at once if it is). */
  onBroken(listener: () => void): void {
    if (this.broken) listener();
    else this.listeners.push(listener);
  }

  offBroken(listener: () => void): void {
    const i = this.listeners.indexOf(listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }
}

/**
 * The line of a crash that says what went wrong (an error, V8's fatal message), else the last one;
 * for a read the permission model refused, which file (Node prints it lines below the error).
 */
export function crashSummary(stderrTail: string): string {
  const lines = stderrTail.split('\n').map((l) => l.trim()).filter(Boolean);
  const telling = lines.find((l) => /^(\w*Error\b|FATAL ERROR|Error \[)/.test(l)) ?? lines[lines.length - 1] ?? '';
  const refused = /code: 'ERR_ACCESS_DENIED'/.test(stderrTail) ? /resource: '([^']*)'/.exec(stderrTail)?.[1] : undefined;
  return `${telling.slice(0, 300)}${refused === undefined ? '' : ` (the sandbox may not read ${refused.slice(0, 300)})`}`;
}
