/**
 * Operations a step started and nobody awaited, and failures nobody observed. An operation that
 * is not awaited lost its switch point: the learner is told, and one whose effect is still to come
 * (a blocked acquire) goes on as a background task of its thread. A task that failed with nobody
 * awaiting it by the end of its step fails the run (an unhandled rejection is never swallowed).
 */
import type { SourceSite, TraceStep } from '../model/result';
import { describeError } from './describe-error';
import { TaskResult, type Task } from './task';
import type { Thread } from './thread';
import { Ready, type Wait } from './wait';
import { unawaitedCallNote, unawaitedOpNote, unobservedFailureMessage } from './words';

/** What this needs of the kernel. */
export interface MissingAwaitHost {
  readonly tracing: boolean;
  note(text: string): void;
  record(thread: Thread, kind: TraceStep['kind'], text: string, site?: SourceSite): void;
  fail(verdict: 'RTE', message: string, error?: unknown): void;
  /** Starts a task of `thread` that only waits on `w`. */
  background(thread: Thread, w: Wait): void;
}

export class MissingAwait {
  /**
   * Operations the running task started since its last switch point: the first `count` slots
   * (slots are overwritten, never cleared: resizing an array every step showed in profiles).
   */
  private ops: Wait[] = [];
  private count = 0;
  /** Tasks that failed with nobody awaiting them yet. */
  private unobserved: Task[] = [];

  constructor(private readonly host: MissingAwaitHost) {}

  /** A learner's operation was started (see Runtime.tracked). */
  started(w: Wait): void {
    this.ops[this.count++] = w;
  }

  /** Were operations started in this step? */
  get pending(): boolean {
    return this.count > 0;
  }

  /** Forgets the step's operations: the constructor may use primitives without awaiting them. */
  forget(): void {
    this.count = 0;
  }

  /** A task failed; a caller may still await it later in this same step. */
  failed(task: Task): void {
    if (!task.result.observed) this.unobserved.push(task);
  }

  /** Ends a step: operations nobody awaited are told, failures nobody awaited fail the run. */
  endStep(fallback: Thread): void {
    if (this.count > 0) this.checkUnawaited(fallback);
    if (this.unobserved.length === 0) return;
    for (const t of this.unobserved) {
      if (!t.result.observed) {
        this.host.fail('RTE', unobservedFailureMessage(describeError(t.result.value), t.thread.name), t.result.value);
        break;
      }
    }
    this.unobserved.length = 0;
  }

  private checkUnawaited(fallback: Thread): void {
    // Copied only when one was not awaited (telling may start a background task, which is a step's work).
    let missed: Wait[] | null = null;
    for (let i = 0; i < this.count; i++) if (!this.ops[i].awaited) (missed ??= []).push(this.ops[i]);
    this.count = 0;
    if (missed === null) return;
    const host = this.host;
    for (const op of missed) {
      const thread = op.thread ?? fallback;
      const call = op instanceof TaskResult;
      const pending = !call && !(op instanceof Ready);
      if (pending) host.background(thread, op);
      if (!host.tracing) continue;
      if (call) {
        host.note(unawaitedCallNote(op.site, op.settled));
        host.record(thread, 'note', 'async call not awaited', op.site);
        continue;
      }
      host.note(unawaitedOpNote(op.describe(), op.site, pending, thread.name));
      host.record(thread, 'note', `${op.describe()} not awaited`, op.site);
    }
  }
}
