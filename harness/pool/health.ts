/**
 * Whether the sandbox's workers can start at all. A worker that crashes before it ever took a job
 * points at the installation (a missing build, a file the permission model refuses), not at a
 * submission; when that keeps happening and no worker ever took a job, the sandbox is broken and
 * every job fails at once as JE instead of each waiting for a worker that will never come.
 */

/** Boot crashes, with no worker ever started, that make the sandbox broken. */
const BOOT_FAILURES = 2;

export class Health {
  private started = new Set<number>();
  private bootFailures = 0;
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
    if (this.bootFailures >= BOOT_FAILURES && this.started.size === 0 && !this.broken) {
      this.broken = `${this.bootFailures} workers crashed while starting${this.lastCrash ? `: ${this.lastCrash}` : ''}`;
      for (const listener of this.listeners.splice(0)) listener();
    }
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
