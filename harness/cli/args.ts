/**
 * Command-line parsing shared by the commands: Node's own `parseArgs`, with its errors turned
 * into one clear line and exit status 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT_USAGE = 2;

/** A mistake in how the command was called: printed with the usage, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^.*?: /, '').replace(/\. To specify a positional.*$/, ''));
  }
}

/** A whole number flag, or a UsageError that names it. */
export function intFlag(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
}

/** Colours only on a terminal, and never with NO_COLOR. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}
