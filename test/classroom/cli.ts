/**
 * Runs the compiled CLI as a subprocess, as users and GitHub Actions do: jest cannot load the
 * sandbox's pool (tinypool is ESM-only) in-process. Needs `npx tsc -p tsconfig.build.json`.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'interleave.js');
const MAIN = path.join(ROOT, 'dist', 'harness', 'cli', 'main.js');
const CLASSROOM = path.join(ROOT, 'dist', 'harness', 'cli', 'classroom.js');

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Does `bin/interleave.js` dispatch `classroom` yet? Otherwise the command is called directly. */
function mainDispatchesClassroom(): boolean {
  return existsSync(MAIN) && /classroom/.test(readFileSync(MAIN, 'utf8'));
}

/** `node bin/interleave.js <args>` in `cwd` with `env` added to a clean environment. */
export function interleave(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Finished> {
  if (!existsSync(CLASSROOM)) throw new Error(`${CLASSROOM} is missing: run \`npx tsc -p tsconfig.build.json\` before these tests`);
  const argv =
    args[0] !== 'classroom' || mainDispatchesClassroom()
      ? [BIN, ...args]
      : ['-e', `require(${JSON.stringify(CLASSROOM)}).classroomCommand(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, '--', ...args.slice(1)];
  // Start from a clean slate: the test run's own GITHUB_* variables must not leak in.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GITHUB_') && k !== 'CI'));
  const child = spawn(process.execPath, argv, { cwd, env: { ...base, NO_COLOR: '1', ...env }, stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
