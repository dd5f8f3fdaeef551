/**
 * Runs the compiled CLI (`node bin/interleave.js …`) as a subprocess, as users and CI do: jest
 * cannot load the sandbox's pool (tinypool is ESM-only) in-process, and containment is only real
 * in a separate process anyway. Needs `npm run build` first, which `npm test` does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'interleave.js');
const MAIN = path.join(ROOT, 'dist', 'harness', 'cli', 'main.js');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `interleave <args>` in `cwd` with exactly `env` (not awaited: for kill tests). */
export function startInterleave(args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` before these tests`);
  return spawn(process.execPath, [BIN, ...args], { cwd, env: { ...env, NO_COLOR: '1' }, stdio: 'pipe' });
}

/** Collects a child's output until it ends. */
export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}
