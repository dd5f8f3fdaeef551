/**
 * Reading what students hand in, safely. A submissions folder may hold a named pipe, a socket or a
 * device: opening a FIFO for reading blocks until someone writes, for ever, and a device can be
 * endless. So only regular files are read, each opened without blocking (O_NONBLOCK) and checked
 * with fstat on the opened descriptor (a file swapped for a pipe after a stat is still caught),
 * at most {@link MAX_SOURCE_BYTES} of it, within {@link READ_TIMEOUT_MS}. (Files a submission
 * imports are checked as esbuild is about to load them: loader/compile.ts.)
 */
import * as fs from 'node:fs';
import { specialKind } from '../loader/special-files';

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
