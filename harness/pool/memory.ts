/**
 * A worker's resident memory, read from /proc by the parent. The V8 heap limit does not count
 * ArrayBuffers and typed arrays, so a buffer bomb is caught here instead.
 *
 * Every running worker is sampled every 20 ms, so this is on the grader's busiest path: it reads
 * `/proc/<pid>/statm` (one line of page counts) into a buffer kept for it, rather than
 * `/proc/<pid>/status`, which the kernel formats in full (about 12 µs a sample against 35–65 µs).
 */
import * as fs from 'node:fs';

const buffer = Buffer.alloc(256);
let pageBytes: number | undefined;

/** The second field of a statm line: resident pages. */
function residentPages(pid: number | 'self'): number | undefined {
  let fd: number;
  try {
    fd = fs.openSync(`/proc/${pid}/statm`, 'r');
  } catch {
    return undefined;
  }
  try {
    const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const pages = Number(buffer.toString('latin1', 0, n).split(' ')[1]);
    return Number.isFinite(pages) ? pages : undefined;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** VmRSS of /proc/<pid>/status, in kB (the slow, self-describing way). */
function statusRssKb(pid: number | 'self'): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'latin1'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The size of a page, learned once from this process by comparing statm with status (4 KiB on
 * most machines, 16 or 64 KiB on some ARM kernels: never assumed). Undefined without /proc.
 */
function pageSize(): number | undefined {
  if (pageBytes !== undefined) return pageBytes;
  const pages = residentPages('self');
  const kb = statusRssKb('self');
  if (pages === undefined || kb === undefined || pages === 0) return undefined;
  // The two reads are a moment apart: round to the nearest power of two, at least 4 KiB.
  pageBytes = Math.max(4096, 2 ** Math.round(Math.log2((kb * 1024) / pages)));
  return pageBytes;
}

/** Resident set size of a process in MB, or undefined where /proc is not available. */
export function residentMb(pid: number): number | undefined {
  const size = pageSize();
  if (size === undefined) {
    const kb = statusRssKb(pid);
    return kb === undefined ? undefined : kb / 1024;
  }
  const pages = residentPages(pid);
  return pages === undefined ? undefined : (pages * size) / (1024 * 1024);
}

/** True when this platform lets the parent watch a worker's memory. */
export function canWatchMemory(): boolean {
  return residentMb(process.pid) !== undefined;
}
