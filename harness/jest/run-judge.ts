/**
 * Judging from inside jest: the file is judged by `interleave run --format json` in a child
 * process, which judges through the same orchestration as `grade`, `verify` and `classroom`
 * (pool/judge-jobs.ts: sandbox, time and memory limits). Jest cannot load the pool
 * itself, and a learner's endless loop must fail a test, not hang jest.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProblemResult } from '../model/result';
import { packageRoot } from '../paths';
import type { Located } from './locate';

export interface RunJudgeOptions {
  seed?: number;
  strategy?: string;
  /** Stop the judge after this many ms (it stops itself at the problem's wall clock before). */
  timeoutMs: number;
}

/** The judge's result for the located file; rejects with a message that says what to do. */
export function runJudge(problemId: string, where: Located, opts: RunJudgeOptions): Promise<ProblemResult> {
  if (!fs.existsSync(where.abs)) {
    return Promise.reject(
      plainError(`${where.file} not found (looked for ${where.abs}). Put your solution there, or give judge() the path to it relative to the test file.`),
    );
  }
  const cli = path.join(packageRoot(), 'bin', 'interleave.js');
  const args = [cli, 'run', problemId, where.file, '--format', 'json', ...(opts.seed === undefined ? [] : ['--seed', String(opts.seed)]), ...(opts.strategy === undefined ? [] : ['--strategy', opts.strategy])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: where.cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(plainError(`could not start the judge (${process.execPath} ${cli}): ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 || code === 1) {
        try {
          return resolve(JSON.parse(stdout) as ProblemResult);
        } catch {
          // fall through: not the JSON the judge promises
        }
      }
      const how = signal ? `was stopped (${signal}) after ${opts.timeoutMs} ms` : `exited with status ${code}`;
      reject(plainError(`the judge ${how} without a verdict for ${where.file}:\n${stderr.trim() || stdout.trim().slice(0, 2000)}`));
    });
  });
}

/** An Error whose stack is its message: jest then prints the text alone, not the helper's frames. */
export function plainError(message: string): Error {
  const e = new Error(message);
  e.stack = message;
  return e;
}
