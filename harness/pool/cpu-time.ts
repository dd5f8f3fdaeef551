/**
 * The CPU time a process (and, if asked, its descendants) has used, read by the parent from
 * /proc. A job's time limit counts CPU time, not wall-clock time: on a machine busy with other
 * jobs or other users a correct solution takes longer by the clock but not by the CPU, and a
 * verdict must not depend on the machine's load. Undefined where there is no /proc.
 */
import * as fs from 'node:fs';

/** /proc counts in clock ticks of USER_HZ, which Linux fixes at 100 for user space (proc(5)). */
const TICK_MS = 10;

/** utime + stime of one process, in ms (after the command name, which may hold spaces). */
function ownCpuMs(pid: number): number | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5), counted from the state (field 3) at index 0.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? ticks * TICK_MS : undefined;
}

/** The children of a process's main thread (which forks them: Node's and the Python runner's). */
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'latin1')
      .split(' ')
      .filter((s) => s !== '')
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU time used by `pid`, and by its living descendants with `tree`, in ms. */
export function cpuMs(pid: number, tree = false): number | undefined {
  const own = ownCpuMs(pid);
  if (own === undefined || !tree) return own;
  let total = own;
  for (const child of childrenOf(pid)) total += cpuMs(child, true) ?? 0;
  return total;
}
