/**
 * The grader as a subprocess (see test/support/cli.ts), and fixture classes to grade.
 */
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { finished, startInterleave, type Finished } from '../support/cli';

export { ROOT } from '../support/cli';
export { finished, type Finished };

/** `interleave grade …` in `cwd`, started (not awaited): for the kill -9 test. `env` adds variables. */
export function startGrade(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ChildProcess {
  return startInterleave(['grade', ...args], cwd, { ...process.env, CI: 'true', ...env });
}

/** `interleave grade …` in `cwd`, to the end. */
export function grade(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return finished(startGrade(args, cwd, env));
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
