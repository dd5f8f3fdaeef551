/**
 * Failures that say the same thing once: a compile error fails every case alike, and a loop that
 * spins fails every case with the same message but for its numbers. Reporters show the first in
 * full and point the others to it.
 */
import type { CaseResult, ProblemResult } from '../model/result';

/** The message with its numbers taken out: `took more than 50,000 steps` ≈ `took more than 400,000 steps`. */
function shape(c: CaseResult): string | undefined {
  return c.failure ? `${c.failure.verdict} ${c.failure.message.replace(/\d[\d,.]*/g, '#')}` : undefined;
}

/** For each failing case after the first of its kind, the case that failed the same way first. */
export function sameFailures(cases: readonly CaseResult[]): Map<CaseResult, CaseResult> {
  const first = new Map<string, CaseResult>();
  const same = new Map<CaseResult, CaseResult>();
  for (const c of cases) {
    const key = shape(c);
    if (key === undefined) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, c);
    else same.set(c, earlier);
  }
  return same;
}

/** Every case got the problem's own error (a compile error, a missing method): nothing was run. */
export function failedBeforeAnyCase(result: ProblemResult): boolean {
  return result.error !== undefined && result.cases.length > 0 && result.cases.every((c) => c.verdict === result.verdict && c.explored.schedules === 0 && !c.failure);
}

/**
 * A case that failed as `first` did, in one line: `the same failure as case n = 1`, or, where
 * its numbers differ (`only 9 of the 10 outputs` against `only 1 of the 2`), its own message and
 * the case whose trace shows how.
 */
export function sameFailureText(c: CaseResult, first: CaseResult, quote: (name: string) => string = (name) => name): string {
  const name = quote(first.name);
  if (c.failure?.message === first.failure?.message) return `the same failure as case ${name}`;
  // A failure stopped by a clock has no trace to point at.
  const there = first.failure?.replayed === false ? '' : ': its trace is shown there';
  return `${c.failure?.message} (failed as case ${name} did${there})`;
}
