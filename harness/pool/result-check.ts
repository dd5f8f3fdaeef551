/**
 * A worker ran untrusted code, so what it sends back is checked before anyone reads it: a result
 * that does not match results.schema.json is a judge error for that job, never a broken report
 * for the whole class.
 */
import { validateProblemResult } from '../model/validate';

/** The problem with a worker's answer, or null when it is a valid ProblemResult. */
export function malformed(value: unknown): string | null {
  try {
    validateProblemResult(value);
    return null;
  } catch (e) {
    return `the worker answered an invalid result: ${(e as Error).message.split('\n').slice(0, 3).join(' ')}`;
  }
}

/**
 * Compiles the results schema's validators now, while a worker judges, rather than when the
 * first result arrives (about 0.2 s that a learner waiting for one file would otherwise wait).
 */
export function warmResultCheck(): void {
  if (warmed) return;
  warmed = true;
  malformed(undefined);
}
let warmed = false;

/** Longer strings in a result are cut: a learner controls messages and output, not the report's size. */
export const MAX_RESULT_STRING = 16 * 1024;

/**
 * The result with every string longer than {@link MAX_RESULT_STRING} cut, saying how much went.
 * Only what holds a long string is copied: a result with none comes back as it is (a class's
 * results pass through here one by one, and copying each whole cost the grader garbage collection).
 */
export function boundStrings<T>(value: T): T {
  if (typeof value === 'string') {
    if (value.length <= MAX_RESULT_STRING) return value;
    const cut = value.length - MAX_RESULT_STRING;
    return `${value.slice(0, MAX_RESULT_STRING)}… (${cut} more characters cut by the judge)` as T;
  }
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((v, i) => {
      const b = boundStrings(v);
      if (b !== v) (out ??= [...value])[i] = b;
    });
    return (out ?? value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    let out: Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(value)) {
      const b = boundStrings(v);
      if (b !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = b;
    }
    return (out ?? value) as T;
  }
  return value;
}
