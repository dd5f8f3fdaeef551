/**
 * A sandbox started before its job is known in full. A sandbox worker takes longer to boot (Node,
 * the judge, SES lockdown) than anything else in a one-file run; started first, it boots while
 * the grader loads the problem and compiles the file, instead of after. Started with limits read
 * ahead of time; used only if the job's real limits turn out the same, else stopped unused.
 */
import type { Limits } from './limits';
import { Sandbox } from './sandbox';

export class EarlySandbox {
  private taken = false;

  private constructor(
    private readonly limits: Limits,
    private readonly starting: Promise<Sandbox>,
  ) {
    // A failure to start is reported where the sandbox is used; never as an unhandled rejection.
    starting.catch(() => undefined);
  }

  /** Starts one worker with `limits` now. */
  static start(limits: Limits): EarlySandbox {
    return new EarlySandbox(limits, Sandbox.create({ workers: 1, limits }));
  }

  /**
   * Resolves once the worker process has been started (tinypool loaded, the worker forked), so
   * that the caller's synchronous work (loading the problem, compiling) runs while it boots; a
   * sandbox that failed to start resolves too (the failure is reported where it is used).
   */
  async forked(): Promise<void> {
    await this.starting.catch(() => undefined);
  }

  /** The sandbox, when it was started with exactly `limits` (then the caller closes it); else undefined. */
  take(limits: Limits): Promise<Sandbox> | undefined {
    if (this.taken || JSON.stringify(limits) !== JSON.stringify(this.limits)) return undefined;
    this.taken = true;
    return this.starting;
  }

  /** Stops the sandbox unless it was taken. */
  async discard(): Promise<void> {
    if (this.taken) return;
    this.taken = true;
    const sandbox = await this.starting.catch(() => undefined);
    if (!sandbox) return;
    sandbox.killWorkers();
    await sandbox.close().catch(() => undefined);
  }
}
