/**
 * A worker's resident memory, read from /proc by the parent. The V8 heap limit does not count
 * ArrayBuffers and typed arrays, so a buffer bomb is caught here instead.
 */
import * as fs from 'node:fs';

/** Resident set size of a process in MB, or undefined where /proc is not available. */
export function residentMb(pid: number): number | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return undefined;
  }
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}

/** True when this platform lets the parent watch a worker's memory. */
export function canWatchMemory(): boolean {
  return residentMb(process.pid) !== undefined;
}
