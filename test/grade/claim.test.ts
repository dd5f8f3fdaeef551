import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { claimOutFolder, FolderBusy } from '../../harness/pool/batch/claim';

describe('claiming the output folder', () => {
  let out = '';
  beforeEach(() => {
    out = mkdtempSync(path.join(tmpdir(), 'interleave-claim-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  test('refuses while another live grader holds it', () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(path.join(out, '.grader.lock'), `${other.pid}\n`);
      expect(() => claimOutFolder(out)).toThrow(FolderBusy);
      expect(() => claimOutFolder(out)).toThrow(`another grader (pid ${other.pid}) is writing to ${out}; wait for it, stop it, or choose another --out`);
    } finally {
      other.kill('SIGKILL');
    }
  });

  test('takes over from a grader that died, and gives the folder up when done', () => {
    writeFileSync(path.join(out, '.grader.lock'), '999999999\n');
    writeFileSync(path.join(out, '.workers'), `${process.pid}\n`); // alive, but not a sandbox worker: spared
    const claim = claimOutFolder(out);
    expect(claim.reaped).toEqual([]);
    expect(readFileSync(path.join(out, '.grader.lock'), 'utf8')).toBe(`${process.pid}\n`);
    claim.addWorker(123);
    expect(readFileSync(path.join(out, '.workers'), 'utf8')).toBe('123\n');
    claim.release();
    expect(existsSync(path.join(out, '.grader.lock'))).toBe(false);
  });
});
