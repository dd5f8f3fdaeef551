/**
 * How much code one submission may bring in: the solution file and every file it imports, as
 * esbuild is about to load them (compile.ts counts them in its plugin, before each file is read).
 * The grader compiles in its own process and sends the bundle, with a source map holding every
 * file's text, to a worker in one message: 120 helper files of 1 MB each (each under the 1 MiB a
 * file may have) took the grader 2 GB and 20–30 s, then crashed the worker reading the message;
 * with one worker the grader stopped as if the judge could not start. Refused as a compile error
 * instead, after reading at most a few MB.
 */

/**
 * Bytes of source in one submission. The shipped solutions are 1–5 KB with their helpers; twice
 * the largest single file the judge reads (1 MiB) still leaves a whole file of helpers, hundreds
 * of times any honest solution, and keeps the worker's message (code, map and texts: about three
 * times this) far below its memory limit.
 */
export const MAX_BUNDLE_BYTES = 2 * 1024 * 1024;

/** Files in one submission: a solution is a class and a few helpers; each file costs esbuild a module. */
export const MAX_BUNDLE_FILES = 100;

/** What the compile had counted when it stopped. */
export interface BundleCount {
  bytes: number;
  files: number;
}

/** Why `count` is over the limits, or undefined when it is not. */
export function overLimit(count: BundleCount): string | undefined {
  if (count.files > MAX_BUNDLE_FILES) return `more than ${MAX_BUNDLE_FILES} files`;
  if (count.bytes > MAX_BUNDLE_BYTES) return `more than ${mb(MAX_BUNDLE_BYTES)}`;
  return undefined;
}

/** The compile error's words: what was found, the limit, what to do. */
export function bundleTooLargeMessage(display: string, count: BundleCount): string {
  return (
    `${display} and the files it imports are too large to judge: at least ${mb(count.bytes)} in ${count.files} files ` +
    `(the judge stopped counting there); a solution may bring in at most ${mb(MAX_BUNDLE_BYTES)} in ${MAX_BUNDLE_FILES} ` +
    'files. Submit the solution class and only the helper files it needs (no generated code or data).'
  );
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
