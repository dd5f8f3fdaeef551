/**
 * Reading what students hand in, safely. A submissions folder may hold a named pipe, a socket or a
 * device: opening a FIFO for reading blocks until someone writes, for ever, and a device can be
 * endless. So only regular files are read, each opened without blocking (O_NONBLOCK) and checked
 * with fstat on the opened descriptor (a file swapped for a pipe after a stat is still caught),
 * at most {@link MAX_SOURCE_BYTES} of it, within {@link READ_TIMEOUT_MS}.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

/** No solution to these problems is anywhere near this size. */
export const MAX_SOURCE_BYTES = 1024 * 1024;
/** Reading one file from a local disk takes milliseconds; a stuck network mount must not hang grading. */
export const READ_TIMEOUT_MS = 10_000;

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Why a file was not read; the message says what it is and what to do. */
export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
  constructor(
    message: string,
    /** `special`: not a regular file; `large`: above the size limit; `slow`: reading timed out. */
    readonly reason: 'special' | 'large' | 'slow',
  ) {
    super(message);
  }
}

/** What a non-regular file is, in words ("a named pipe (FIFO)"); undefined for a regular file. */
export function specialKind(s: fs.Stats | fs.Dirent): string | undefined {
  if (s.isFile() || s.isDirectory() || s.isSymbolicLink()) return undefined;
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function refuseSpecial(shown: string, kind: string): UnreadableFile {
  return new UnreadableFile(`${shown} is ${kind}, not a regular file: the judge does not open it. Submit the source file itself.`, 'special');
}

function refuseLarge(shown: string, size: number, max: number): UnreadableFile {
  return new UnreadableFile(
    `${shown} is ${Math.round(size / 1024)} KB; the judge takes files up to ${max / 1024} KB. Submit only the solution class.`,
    'large',
  );
}

/** The text of a regular file, at most `max` bytes; throws UnreadableFile, or the fs error. */
export async function readSubmission(file: string, opts: { shown?: string; max?: number; timeoutMs?: number } = {}): Promise<string> {
  const shown = opts.shown ?? file;
  const max = opts.max ?? MAX_SOURCE_BYTES;
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UnreadableFile(`reading ${shown} took more than ${(opts.timeoutMs ?? READ_TIMEOUT_MS) / 1000} s; copy the submissions to a local disk and grade again`, 'slow')),
      opts.timeoutMs ?? READ_TIMEOUT_MS,
    );
    timer.unref();
  });
  try {
    return await Promise.race([read(file, shown, max), slow]);
  } finally {
    clearTimeout(timer);
  }
}

async function read(file: string, shown: string, max: number): Promise<string> {
  // lstat-free check first, so that a pipe is never even opened; then fstat what was opened.
  const kind = specialKind(await fs.promises.stat(file));
  if (kind) throw refuseSpecial(shown, kind);
  const handle = await fs.promises.open(file, OPEN_FLAGS);
  try {
    const st = await handle.stat();
    const opened = specialKind(st);
    if (opened) throw refuseSpecial(shown, opened);
    if (st.size > max) throw refuseLarge(shown, st.size, max);
    // Sized to the file (a class reads hundreds), grown up to the limit only if it grew meanwhile.
    let buf = Buffer.alloc(st.size + 1);
    let got = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, got);
      if (bytesRead === 0) break;
      got += bytesRead;
      if (got === buf.length) {
        if (buf.length > max) break;
        const bigger = Buffer.alloc(max + 1);
        buf.copy(bigger, 0, 0, got);
        buf = bigger;
      }
    }
    // A file that grew after its stat is still held to the limit.
    if (got > max) throw refuseLarge(shown, got, max);
    return buf.subarray(0, got).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The bytes of a regular file, at most `max` (synchronous, for hashing); throws UnreadableFile. */
export function readRegularSync(file: string, max = MAX_SOURCE_BYTES): Buffer {
  const kind = specialKind(fs.statSync(file));
  if (kind) throw refuseSpecial(file, kind);
  const fd = fs.openSync(file, OPEN_FLAGS);
  try {
    const st = fs.fstatSync(fd);
    const opened = specialKind(st);
    if (opened) throw refuseSpecial(file, opened);
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let got = 0;
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, Math.min(got, max));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The non-regular files a submission's compilation would open: esbuild follows the imports from
 * `source` (the entry's text, already read) and, before it loads any file, this asks what the
 * file is, with stat, which opens nothing. Pipes, sockets and devices (and links to them) are
 * returned and never loaded; esbuild would otherwise block for ever on an imported pipe. Imports
 * the judge refuses anyway (packages, `interleave/sync`) are not followed.
 */
export async function specialImports(entry: string, source: string): Promise<{ rel: string; kind: string }[]> {
  const abs = path.resolve(entry);
  const root = path.dirname(abs);
  const found: { rel: string; kind: string }[] = [];
  const loader = /\.[cm]?js$/.test(abs) ? 'js' : 'ts';
  try {
    await esbuild.build({
      stdin: { contents: source, sourcefile: abs, resolveDir: root, loader },
      bundle: true,
      write: false,
      logLevel: 'silent',
      platform: 'neutral',
      plugins: [
        {
          name: 'interleave-regular-files-only',
          setup(build) {
            build.onResolve({ filter: /^[^./]|^\.[^./]/ }, (args) => ({ path: args.path, external: true }));
            build.onLoad({ filter: /.*/ }, (args) => {
              let kind: string | undefined;
              try {
                kind = specialKind(fs.statSync(args.path));
              } catch {
                return undefined; // missing: esbuild says so, as the real compile will
              }
              if (!kind) return undefined;
              found.push({ rel: path.relative(root, args.path).split(path.sep).join('/'), kind });
              return { contents: '', loader: 'js' };
            });
          },
        },
      ],
    });
  } catch {
    // A compile error: the real compile reports it, with its place and frame.
  }
  return found;
}
