/**
 * One grader per output folder. A grader claims the folder with a lock file naming its pid and
 * lists there every worker it starts; a grader killed with kill -9 leaves both behind, and the
 * next one takes the folder over and kills those workers still alive (one stuck in an endless
 * loop never notices that its grader died).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const LOCK_FILE = '.grader.lock';
const WORKERS_FILE = '.workers';

/** Another live grader holds the folder. */
export class FolderBusy extends Error {
  override name = 'FolderBusy';
}

export interface Claim {
  /** Records a worker this grader started. */
  addWorker(pid: number): void;
  /** Gives the folder up (the lock and the worker list go). */
  release(): void;
  /** Workers of a killed grader that were still running and are now killed. */
  readonly reaped: number[];
}

export function claimOutFolder(out: string): Claim {
  const lock = path.join(out, LOCK_FILE);
  const workers = path.join(out, WORKERS_FILE);
  const holder = Number(readOr(lock, ''));
  if (holder && holder !== process.pid && alive(holder) && isNode(holder)) {
    throw new FolderBusy(`another grader (pid ${holder}) is writing to ${out}; wait for it, stop it, or choose another --out`);
  }
  const reaped = readOr(workers, '')
    .split('\n')
    .map(Number)
    .filter((pid) => pid > 0 && alive(pid) && isSandboxWorker(pid));
  for (const pid of reaped) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  fs.writeFileSync(lock, `${process.pid}\n`);
  fs.writeFileSync(workers, '');
  return {
    reaped,
    addWorker: (pid) => fs.appendFileSync(workers, `${pid}\n`),
    release: () => {
      fs.rmSync(lock, { force: true });
      fs.rmSync(workers, { force: true });
    },
  };
}

function readOr(file: string, fallback: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isNode(pid: number): boolean {
  return /node/.test(readOr(`/proc/${pid}/cmdline`, 'node'));
}

/** Only ever kill a process that is one of our sandbox workers (pids are reused). */
function isSandboxWorker(pid: number): boolean {
  return readOr(`/proc/${pid}/cmdline`, '').includes('tinypool') && readOr(`/proc/${pid}/environ`, '').includes('INTERLEAVE_SANDBOX_RUNNER=');
}
