/**
 * The seam a problem plugs its own rules into. A checker decides a run from what the harness
 * recorded: calls into the solution, their returns, what each thread printed or asked of a
 * harness service, and final reads. `start(ctx)` is called once per run and returns that run's
 * check, whose state lives in its closure: nothing is shared between runs, nothing is cached on
 * identities. The run's check may fail it the moment output can no longer be right (`onEvent`)
 * and once every thread is done (`final`). Callback affinity and termination are the judge's.
 */
import type { RunEvent } from '../model/events';

export interface CheckContext {
  /** The case's arguments. */
  args: Record<string, unknown>;
  /** The kind of the thread with this runtime index (`producer`), or undefined for threads the harness did not start. */
  kindOf(thread: number): string | undefined;
  /** The thread's name (`producer-2`). */
  nameOf(thread: number): string;
  /** The thread's number among its kind, from 1 (undefined for threads the harness did not start). */
  numberOf(thread: number): number | undefined;
  /**
   * A method of the problem's class as the submission spells it, for messages: `set_message` in a
   * Python file, `setMessage` in TypeScript (`ctx.method('setMessage')`).
   */
  method(name: string): string;
  /** The run's virtual time now, in ms (0 outside a run: in `expected`). */
  now(): number;
  /**
   * The virtual time, in ms, that passed while no thread could go on (time jumped to the next
   * deadline): how long the solution itself kept the run waiting. Unlike `now()`, it leaves out
   * time a schedule chose to let pass while a thread could run (any schedule may: no thread is
   * promised to be fast), so a check of how long the work took (fetches must overlap) uses it.
   */
  idleTime(): number;
}

/** One run's check: made by {@link Checker.start}, it keeps that run's state. */
export interface RunCheck {
  /** Checks each event as it happens: a message fails the run as WA at once. */
  onEvent?(event: RunEvent): string | null;
  /** Checks the finished run: a message fails it as WA. */
  final?(): string | null;
  /**
   * What the run produced, in the terms of `expected` (default: everything printed, joined);
   * undefined when the run never got as far as producing it (a result read after a crash).
   */
  actual?(): string | undefined;
  /**
   * The run deadlocked: the problem's own words for why, from what the check saw (the dining
   * philosophers' cycle of forks), added to the deadlock's message; null for none.
   */
  explainDeadlock?(blockedThreads: readonly number[]): string | null;
}

export interface Checker {
  /** The whole output a correct run prints, when the problem has one (shown as "expected"). */
  expected?(ctx: CheckContext): string;
  /**
   * What `expected` joins printed values with (default ''): what a run printed is shown joined the
   * same way, so the first difference is marked where it is.
   */
  separator?: string;
  /** Starts checking one run. */
  start(ctx: CheckContext): RunCheck;
}

/**
 * The form of the first version, still accepted: every method gets the events so far and the
 * context, so a checker that keeps state must key it itself. Prefer {@link Checker}.
 */
export interface LegacyChecker {
  expected?(ctx: CheckContext): string;
  actual?(events: readonly RunEvent[], ctx: CheckContext): string;
  onEvent?(event: RunEvent, events: readonly RunEvent[], ctx: CheckContext): string | null;
  final?(events: readonly RunEvent[], ctx: CheckContext): string | null;
}

/** Declares a problem's checker (the default export of its checker.ts). */
export function defineChecker(c: Checker | LegacyChecker): Checker {
  return 'start' in c && typeof c.start === 'function' ? c : fromLegacy(c as LegacyChecker);
}

/** A checker of the first form, run per run: it sees this run's events only. */
function fromLegacy(c: LegacyChecker): Checker {
  return {
    expected: c.expected,
    start(ctx) {
      const events: RunEvent[] = [];
      return {
        onEvent(ev) {
          events.push(ev);
          return c.onEvent?.(ev, events, ctx) ?? null;
        },
        final: () => c.final?.(events, ctx) ?? null,
        actual: c.actual ? () => c.actual!(events, ctx) : undefined,
      };
    },
  };
}
