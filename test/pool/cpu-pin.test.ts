/**
 * Where a Python job runs (pool/cpu-pin.ts): the CPUs this process may use, read from the
 * kernel's list, and the fork options that pin a job's node to one of them.
 */
import * as fs from 'node:fs';
import { parseCpuList, pinArgs, releaseCpu, takeCpu } from '../../harness/pool/cpu-pin';

test('a kernel CPU list is read range by range; anything else is no list', () => {
  expect(parseCpuList('0-3,6')).toEqual([0, 1, 2, 3, 6]);
  expect(parseCpuList('1')).toEqual([1]);
  expect(parseCpuList('')).toEqual([]);
  expect(parseCpuList('x-y')).toEqual([]);
  expect(parseCpuList('0-1,')).toEqual([]);
});

test('unpinned, node keeps its flags; pinned, taskset runs node on that CPU with them', () => {
  expect(pinArgs(undefined, ['--max-old-space-size=512'])).toEqual({ execArgv: ['--max-old-space-size=512'] });
  const pinned = pinArgs(1, ['--max-old-space-size=512']);
  if (pinned.execPath === undefined) return; // no taskset on this machine: always unpinned
  expect(pinned.execPath).toMatch(/taskset$/);
  expect(pinned.execArgv).toEqual(['-c', '1', process.execPath, '--max-old-space-size=512']);
});

test('a CPU given out is one this process may use, and is given back', async () => {
  const cpu = await takeCpu();
  try {
    // Undefined is a right answer too (one CPU, no taskset, or every CPU busy with other work).
    const allowed = /^Cpus_allowed_list:\s*(\S+)$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? '';
    if (cpu !== undefined) expect(parseCpuList(allowed)).toContain(cpu);
  } finally {
    releaseCpu(cpu);
  }
});
