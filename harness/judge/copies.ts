/**
 * Copies across the boundary: case data into learner code (frozen, a copy per run) and values
 * learner code returned out to checkers (plain data, no learner code runs when it is read).
 */
import { harden } from '../scheduler/harden';

/** A case's data for learner code: its own frozen copy, so no run can change what the next one gets. */
export function learnerCopy<T>(v: T): T {
  return v === null || typeof v !== 'object' ? v : harden(structuredClone(v));
}

/**
 * A value learner code returned, as plain data the checker can read without running learner
 * code (no getters, proxies or judge objects): primitives, arrays and plain objects. Made in the
 * learner's thread (reading it may run the learner's getters, under its loop guards).
 */
export function plainCopy(v: unknown, depth = 0): unknown {
  // What a checker can always print, sort and compare: a symbol or a bigint is shown as its text.
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'bigint') return `${v}n`;
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
  if (typeof v === 'function') return `[function]`;
  if (depth > 20) throw new RangeError('the value is nested more than 20 levels deep');
  if (Array.isArray(v)) {
    const n = v.length;
    if (n > 100_000) throw new RangeError(`the array has ${n} elements`);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(plainCopy(v[i], depth + 1));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    // Defined, not assigned: a key "__proto__" stays a key and never sets the copy's prototype.
    Object.defineProperty(out, key, { value: plainCopy((v as Record<string, unknown>)[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
