/**
 * Command-line parsing shared by every command: Node's own `parseArgs`, with its errors turned
 * into one clear line (with a suggestion for a mistyped option), one UsageError, exit status 2.
 */
import { parseArgs } from 'node:util';

export const EXIT_USAGE = 2;

/** A mistake in how the command was called: printed with the usage, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/**
 * The command's options and positionals. `needs` says what a valued option takes, for the message
 * when it is given none (`--out needs a folder`); default "a value".
 */
export function parse<T extends Options>(
  argv: string[],
  options: T,
  needs: Partial<Record<keyof T, string>> = {},
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      throw new UsageError(`unknown option ${unknown}${hint(unknown.replace(/^-+/, ''), Object.keys(options), '--')}`);
    }
    // "Option '-o, --out <value>' argument missing" (or "… is ambiguous": the next word starts with a dash).
    const missing = /Option '(?:-\w, )?(-{1,2}[^ ',]+)[^']*' argument (?:missing|is ambiguous)/.exec(err.message)?.[1];
    if (missing) {
      const name = Object.entries(options).find(([long, o]) => `--${long}` === missing || `-${o.short}` === missing)?.[0];
      throw new UsageError(`${missing} needs ${(name && needs[name]) || 'a value'}`);
    }
    throw new UsageError(err.message.replace(/^.*?: /, '').replace(/\. To specify a positional.*$/, ''));
  }
}

/** A whole number flag, or a UsageError that names it. */
export function intFlag(name: string, value: string | undefined, min = 0): number | undefined {
  const n = numberFlag(name, value, min);
  if (n !== undefined && !Number.isSafeInteger(n)) throw new UsageError(`--${name} must be a whole number (got ${value})`);
  return n;
}

/** A number flag of at least `min`, or a UsageError that names it. */
export function numberFlag(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a value`);
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`--${name} must be a ${Number.isInteger(min) ? 'whole ' : ''}number of at least ${min} (got ${value})`);
  return n;
}

/** A flag that must not be empty (`--out=`), or a UsageError. */
export function nonEmpty(name: string, value: string | undefined, what = 'a value'): string | undefined {
  if (value === '') throw new UsageError(`--${name} needs ${what}`);
  return value;
}

/** One of `choices` for flag `--name`, or a UsageError that lists them (and the one a typo meant). */
export function choice<T extends string>(name: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got "${value}"${hint(value, choices)}`);
}

/** Colours only on a terminal, and never with NO_COLOR. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

/** The candidate a typo most likely meant (case-insensitive edit distance, at most a third of the word), or undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    const d = lc.startsWith(w) && w.length >= 3 ? 1 : editDistance(w, lc);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= Math.max(1, Math.floor(Math.max(w.length, 3) / 3)) ? best : undefined;
}

/** `; did you mean --seed?`, or nothing. */
export function hint(word: string, candidates: readonly string[], prefix = ''): string {
  const m = didYouMean(word, candidates);
  return m === undefined ? '' : `; did you mean ${prefix}${m}?`;
}

/** Levenshtein distance, with a swap of two neighbours counted as one edit. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
