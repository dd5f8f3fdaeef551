/**
 * The registry of argument kinds: one file each. problem.schema.json's `$defs.arg` is made of
 * their schema parts (a test keeps the file equal to them), the judge makes each call's
 * arguments through them, and a signature reads through them.
 */
import { callback } from './callback';
import { caseArg } from './case-arg';
import { htmlParser } from './html-parser';
import { item } from './item';
import type { ArgCall, ArgKind } from './kind';
import { lasting } from './lasting';
import { message } from './message';
import { stopEvent } from './stop-event';
import { supplier } from './supplier';
import { threadNumber } from './thread-number';
import { value } from './value';

export type { ArgCall, ArgKind } from './kind';
export { RunArgs } from './run';

/** Every kind, in the order of problem.schema.json's `$defs.arg.oneOf`. */
export const ARG_KINDS: readonly ArgKind<never>[] = [callback, value, caseArg, message, threadNumber, item, supplier, lasting, stopEvent, htmlParser] as unknown as ArgKind<never>[];

/** The kind of an argument spec (the schema guarantees exactly one key names a kind). */
export function kindOf(spec: object): ArgKind<object> {
  const k = ARG_KINDS.find((kind) => kind.key in spec);
  if (!k) throw new Error(`unknown argument kind: ${JSON.stringify(spec)}`);
  return k as unknown as ArgKind<object>;
}

/** The value one call receives for `spec`. */
export function makeArg(spec: object, call: ArgCall): unknown {
  return kindOf(spec).make(spec, call);
}

/** How a method's parameters read: `printFoo, n`. */
export function signature(specs: readonly object[]): string {
  return specs.map((s) => kindOf(s).signature(s)).join(', ');
}

/** Does every argument spec fit a case's arguments? The messages of those that do not. */
export function argErrors(specs: readonly object[], args: Record<string, unknown>): string[] {
  return specs.flatMap((s) => {
    const m = kindOf(s).check?.(s, args) ?? null;
    return m === null ? [] : [m];
  });
}

/** problem.schema.json's `$defs.arg`, from the kinds. */
export function argSchema(): Record<string, unknown> {
  return { oneOf: ARG_KINDS.map((k) => k.schema) };
}
