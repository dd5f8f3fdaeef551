/**
 * The engine's stack text of an error, for the judge. Learner code is shown another text of its
 * errors' stacks (loader/learner-stack.ts: its own frames, at its own lines); the judge maps the
 * engine's itself, so the formatter keeps that here whenever the two differ.
 */
const kept = new WeakMap<object, string>();
let ownCallers = false;

/** Called by the formatter: `text` is the engine's stack of `error`, which was shown another. */
export function keepEngineStack(error: object, text: string): void {
  kept.set(error, text);
}

/** The engine's text of `error`'s stack, given the text its `stack` property gave. */
export function engineStack(error: object, shown: string): string {
  return kept.get(error) ?? shown;
}

/** Is the judge reading its own callers ({@link stackHere})? Then the engine's text is all it needs. */
export function judgeReadsOwnStack(): boolean {
  return ownCallers;
}

/** The engine's stack text of the place this is called from. */
export function stackHere(): string | undefined {
  ownCallers = true;
  try {
    return new Error().stack;
  } finally {
    ownCallers = false;
  }
}
