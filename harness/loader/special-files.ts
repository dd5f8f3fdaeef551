/**
 * Files that are not files: a named pipe, a socket, a device. Opening a FIFO for reading blocks
 * until someone writes, for ever, and a device can be endless; so the judge never opens one, not
 * as a submission (pool/regular-files.ts) and not as a file a submission imports (compile.ts asks
 * before esbuild loads each file).
 */
import type * as fs from 'node:fs';

/** What a non-regular file is, in words ("a named pipe (FIFO)"); undefined for a regular file. */
export function specialKind(s: fs.Stats | fs.Dirent): string | undefined {
  if (s.isFile() || s.isDirectory() || s.isSymbolicLink()) return undefined;
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** An imported file that is not a regular file, by its path relative to the submission's folder. */
export interface SpecialImport {
  rel: string;
  kind: string;
}

/** The message for a submission that imports non-regular files, naming it as `shown`. */
export function specialImportMessage(shown: string, found: readonly SpecialImport[]): string {
  const listed = found.slice(0, 3).map((s) => `${s.rel} (${s.kind})`).join(', ');
  return `${shown} imports what is not a regular file, which the judge never opens: ${listed}. Import only your own source files.`;
}
