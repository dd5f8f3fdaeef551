/**
 * One kind of argument the harness passes to a solution's method: a print callback, a value of
 * the case, a harness service shared by the run's threads. Each kind is one file of this folder
 * and says three things: its part of `problem.schema.json`, how it reads in a signature, and how
 * the value one call receives is made. The registry (`index.ts`) lists them.
 */
import type { Runtime } from '../../scheduler/runtime';
import type { Thread } from '../../scheduler/thread';
import type { CaseThread } from '../threads';
import type { RunArgs } from './run';

/** What making one argument of one call may use. */
export interface ArgCall {
  rt: Runtime;
  /** The harness thread making the call. */
  me: Thread;
  thread: CaseThread;
  /** 0-based: which of the thread's calls. */
  call: number;
  /** The case's arguments. */
  args: Record<string, unknown>;
  /** Set once the method returned: a callback called after that is a wrong answer. */
  state: { returned: boolean };
  method: string;
  /** What the run's arguments share (emit counter, services). */
  run: RunArgs;
}

export interface ArgKind<S extends object = Record<string, unknown>> {
  /** The property that names this kind in problem.json (`{ "callback": … }`). */
  key: string;
  /** Its part of problem.schema.json (`$defs.arg.oneOf`): an object schema requiring `key`. */
  schema: Record<string, unknown>;
  /** The parameter's name in a signature: `printFoo`, `n`, `htmlParser`. */
  signature(spec: S): string;
  /** The value one call receives (frozen when it is an object: learner code holds it). */
  make(spec: S, call: ArgCall): unknown;
  /** Checks the spec against a case's arguments before anything runs; a message when it does not fit. */
  check?(spec: S, args: Record<string, unknown>): string | null;
}

/** Declares a kind (keeps the spec's type for `make` and `signature`). */
export function argKind<S extends object>(k: ArgKind<S>): ArgKind<S> {
  return k;
}
