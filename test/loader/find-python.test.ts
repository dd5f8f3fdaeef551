/** Finding the Python that judges Python files: a slow interpreter is told apart from a missing one. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { probe, PythonUnavailableError } from '../../harness/loader/python/find-python';

test('an interpreter that does not answer in time is said to be slow, not missing', () => {
  // A pyenv shim on a loaded machine took longer than the probe's timeout: the error said
  // "none was found", which sent a student to install a Python they had.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-slow-python-'));
  const slow = path.join(dir, 'python3');
  fs.writeFileSync(slow, '#!/bin/sh\nsleep 5\n', { mode: 0o755 });
  const saved = process.env.INTERLEAVE_PYTHON;
  process.env.INTERLEAVE_PYTHON = slow;
  try {
    const r = probe(300);
    expect(r).toBeInstanceOf(PythonUnavailableError);
    expect((r as Error).message).toContain(`${slow} did not answer within 0.3 s (is the machine very busy?)`);
    expect((r as Error).message).not.toContain('none was found');
  } finally {
    if (saved === undefined) delete process.env.INTERLEAVE_PYTHON;
    else process.env.INTERLEAVE_PYTHON = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
