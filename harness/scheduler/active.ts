/**
 * The runtime that learner code is running under right now. One process judges one run at a time,
 * so a module-level pointer is enough, and it costs nothing on the hot path (no async_hooks).
 */
import type { Runtime } from './runtime';

let active: Runtime | null = null;

export function activeRuntime(): Runtime {
  if (active === null) {
    throw new Error(
      'interleave/sync works only under the judge: run your file with `npx interleave run <problem> <file>`.',
    );
  }
  return active;
}

export function setActiveRuntime(rt: Runtime | null): void {
  active = rt;
}

/** The active runtime, or null outside any run (for code that must not throw there). */
export function activeRuntimeOrNull(): Runtime | null {
  return active;
}
