/**
 * What a problem's checker sees of a run: the harness's calls into the solution, what they
 * returned, what was printed (emitted through a callback), and the final reads of the result.
 * `step` is the scheduling step it happened at.
 */
export type RunEvent =
  | { kind: 'call'; thread: number; method: string; args: unknown[]; step: number }
  | { kind: 'return'; thread: number; method: string; value: unknown; step: number }
  | { kind: 'emit'; thread: number; callback: string; value: string; step: number; index: number }
  | { kind: 'read'; name: string; value: unknown; step: number };
