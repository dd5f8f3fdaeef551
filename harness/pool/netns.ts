/**
 * No network for sandbox workers, where the platform allows it: on Linux each worker starts in a
 * network namespace of its own (`unshare -n`), which has no interface but a loopback that is down,
 * so no connection can be made at all, not even to 127.0.0.1. Node's permission model does not
 * cover sockets; this does, below the JavaScript engine.
 *
 * tinypool forks its workers with `process.execPath` and has no option for another executable; so
 * while a sandbox is open, `process.execPath` names a two-line launcher, `exec unshare -n -- node
 * "$@"`, which runs the same node with the same arguments (and the same pid: `exec` all the way),
 * only without a network. Anything else that starts `process.execPath` meanwhile gets a working
 * node too, just offline. Whether `unshare` works is checked once per process.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface NetworkIsolation {
  /** Workers start without network. */
  isolated: boolean;
  /** How (the `unshare` options), when isolated. */
  how?: string;
  /** One line for people when not isolated: why, and what to do. */
  note?: string;
}

let checked: (NetworkIsolation & { launcher?: string }) | undefined;
let users = 0;
let realExecPath: string | undefined;

/** Tries `unshare <flags> true`; true when it ran and exited 0. */
function works(unshare: string, flags: string[]): boolean {
  const r = spawnSync(unshare, [...flags, 'true'], { stdio: 'ignore', timeout: 5000 });
  return !r.error && r.status === 0;
}

function findUnshare(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/bin', '/usr/sbin', '/sbin'])) {
    if (!dir) continue;
    const candidate = path.join(dir, 'unshare');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Whether workers can start without network here (checked once per process). */
export function networkIsolation(): NetworkIsolation {
  if (checked) return { isolated: checked.isolated, how: checked.how, note: checked.note };
  checked = probe();
  return networkIsolation();
}

function probe(): NetworkIsolation & { launcher?: string } {
  const open = (why: string): NetworkIsolation => ({
    isolated: false,
    note: `learner code is not cut off from the network: ${why}. Learner code has no network API, but code that escaped the sandbox could connect out; grade in a container with --network none for that.`,
  });
  if (process.platform !== 'linux') return open(`network namespaces exist only on Linux (this is ${process.platform})`);
  if (process.env.INTERLEAVE_NETNS === '0') return open('INTERLEAVE_NETNS=0 turned network namespaces off');
  const unshare = findUnshare();
  if (!unshare) return open('`unshare` (util-linux) is not installed');
  // As root, a network namespace is enough; as another user, it needs a user namespace around it.
  const flags = works(unshare, ['-n']) ? ['-n'] : works(unshare, ['-r', '-n']) ? ['-r', '-n'] : undefined;
  if (!flags) return open('`unshare -n` is not permitted here (it needs root, or unprivileged user namespaces for `unshare -rn`)');
  const node = process.execPath;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-netns-'));
  const launcher = path.join(dir, 'node');
  const q = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  fs.writeFileSync(launcher, `#!/bin/sh\nexec ${q(unshare)} ${flags.join(' ')} -- ${q(node)} "$@"\n`, { mode: 0o755 });
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return { isolated: true, how: `unshare ${flags.join(' ')}`, launcher };
}

/**
 * Makes workers forked from now on start without network, until the matching
 * {@link releaseNetworkIsolation}; returns what is in effect (a note when it cannot be done).
 */
export function acquireNetworkIsolation(): NetworkIsolation {
  const state = networkIsolation();
  if (!state.isolated || !checked?.launcher) return state;
  if (users++ === 0) {
    realExecPath = process.execPath;
    process.execPath = checked.launcher;
  }
  return state;
}

export function releaseNetworkIsolation(): void {
  if (users === 0) return;
  if (--users === 0 && realExecPath !== undefined) {
    process.execPath = realExecPath;
    realExecPath = undefined;
  }
}
