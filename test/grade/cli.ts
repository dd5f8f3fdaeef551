/**
 * Runs the compiled grader as a subprocess, as users do: jest cannot load tinypool (ESM-only) in
 * process, and containment is only real in a separate process anyway. Needs `npm run build`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'dist', 'harness', 'cli', 'main.js');
const GRADE = path.join(ROOT, 'dist', 'harness', 'cli', 'grade.js');

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `interleave grade …` in `cwd`, started (not awaited): for the kill -9 test. */
export function startGrade(args: string[], cwd: string): ChildProcess {
  if (!existsSync(GRADE)) throw new Error(`${GRADE} is missing: run \`npm run build\` before these tests`);
  // Through bin/interleave.js once the CLI dispatches `grade`; until then, the command itself.
  const argv = existsSync(MAIN)
    ? [path.join(ROOT, 'bin', 'interleave.js'), 'grade', ...args]
    : ['-e', `require(${JSON.stringify(GRADE)}).gradeCommand(process.argv.slice(1)).then((c) => { process.exitCode = c; })`, ...args];
  return spawn(process.execPath, argv, { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1' }, stdio: 'pipe' });
}

/** `interleave grade …` in `cwd`, to the end. */
export function grade(args: string[], cwd: string): Promise<Finished> {
  const child = startGrade(args, cwd);
  return finished(child);
}

export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/** A fresh temp folder holding a copy of `fixtures/<name>` as `class/`. */
export function classCopy(name: string): { root: string; dir: string; cleanup: () => void } {
  const root = mkdtempSync(path.join(tmpdir(), 'interleave-grade-'));
  const dir = path.join(root, 'class');
  cpSync(path.join(__dirname, 'fixtures', name), dir, { recursive: true });
  return { root, dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file and folder under `dir` (relative), with size and mtime: to prove nothing was written. */
export function snapshotTree(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const rel = path.relative(dir, full);
      if (skip(rel)) continue;
      const st = statSync(full);
      out.push(`${rel} ${st.isDirectory() ? 'dir' : `${st.size} ${st.mtimeMs}`}`);
      if (st.isDirectory()) visit(full);
    }
  };
  visit(dir);
  return out.sort();
}
