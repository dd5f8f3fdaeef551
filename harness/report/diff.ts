/** Where expected and actual output part ways, cut to a window people can read. */

/** Index of the first differing character, or -1 when the strings are equal. */
export function firstDifference(expected: string, actual: string): number {
  const n = Math.min(expected.length, actual.length);
  for (let i = 0; i < n; i++) if (expected[i] !== actual[i]) return i;
  return expected.length === actual.length ? -1 : n;
}

/** One side of a diff window: the text before the difference, the character at it, the rest. */
export interface DiffSide {
  /** Text was cut before `before` (an ellipsis belongs there). */
  cutStart: boolean;
  before: string;
  /** The first differing character; empty when this side ended there. */
  at: string;
  after: string;
  cutEnd: boolean;
}

export interface DiffWindow {
  /** Index of the first difference in both strings. */
  index: number;
  expected: DiffSide;
  actual: DiffSide;
}

/**
 * The first difference between two outputs, with `radius` characters around it on each side, so
 * that a 4,000-character `0102…` output still shows the one place that matters.
 * Returns undefined when the outputs are equal.
 */
export function diffWindow(expected: string, actual: string, radius = 40): DiffWindow | undefined {
  const index = firstDifference(expected, actual);
  if (index < 0) return undefined;
  return { index, expected: side(expected, index, radius), actual: side(actual, index, radius) };
}

function side(s: string, index: number, radius: number): DiffSide {
  const start = Math.max(0, index - radius);
  const end = Math.min(s.length, index + 1 + radius);
  return {
    cutStart: start > 0,
    before: s.slice(start, index),
    at: s.slice(index, index + 1),
    after: s.slice(index + 1, end),
    cutEnd: end < s.length,
  };
}
