/**
 * The seam a problem plugs its own rules into. A checker decides a run from what the harness
 * recorded: calls into the solution, their returns, what each thread printed, and final reads.
 * It may fail a run the moment output can no longer be right (`onEvent`), and once every thread
 * is done (`final`). Callback affinity and termination are the judge's, not the checker's.
 */
import type { RunEvent } from '../scheduler/runtime';

export interface CheckContext {
  /** The case's arguments. */
  args: Record<string, unknown>;
  /** The kind of the thread with this runtime index (`producer`), or undefined for main. */
  kindOf(thread: number): string | undefined;
  /** The thread's name (`producer-2`). */
  nameOf(thread: number): string;
}

export interface Checker {
  /** The whole output a correct run prints, when the problem has one (shown as "expected"). */
  expected?(ctx: CheckContext): string;
  /** What the run produced, in the terms of `expected` (default: everything printed, joined). */
  actual?(events: readonly RunEvent[], ctx: CheckContext): string;
  /** Checks each event as it happens: a message fails the run as WA at once. */
  onEvent?(event: RunEvent, events: readonly RunEvent[], ctx: CheckContext): string | null;
  /** Checks the finished run: a message fails it as WA. */
  final?(events: readonly RunEvent[], ctx: CheckContext): string | null;
}

/** Declares a problem's checker (the default export of its checker.ts). */
export function defineChecker(c: Checker): Checker {
  return c;
}
