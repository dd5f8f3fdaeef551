/**
 * Helpers for the hostile suite: judge a fixture in-process with a fresh copy of the judge (so an
 * attack that patches the judge's shared objects cannot leak into the next test of this file),
 * and run scripts in a child Node against the compiled judge (jest cannot load tinypool, and SES
 * lockdown must not touch jest's own realm).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { JudgeOptions } from '../../harness/judge/judge';
import type { ProblemResult, Verdict } from '../../harness/model/result';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(__dirname, 'fixtures');
export const DIST = path.join(ROOT, 'dist', 'harness');

export function fixture(problem: string, name: string): string {
  return path.join(FIXTURES, problem, `${name}.ts`);
}

/** Judges `file` in-process, with a judge (and interleave/sync) loaded afresh for this call. */
export async function judgeFresh(problemId: string, file: string, opts: JudgeOptions = {}): Promise<ProblemResult> {
  // The whole judging in the fresh registry: the judge requires a language's loading half when it
  // loads the file (loader/typescript.ts), and that copy must share the fresh judge's modules.
  let result: ProblemResult | undefined;
  await jest.isolateModulesAsync(async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const judge = require('../../harness/judge/index') as typeof import('../../harness/judge/index');
    result = await judge.judgeFile(problemId, file, opts);
  });
  return result!;
}

/** What a verdict comparison needs of a result: timings left out. */
export interface Summary {
  verdict: Verdict;
  score: number;
  replay?: string;
  cases: Array<{ verdict: Verdict; points: number; message?: string }>;
}

export function summary(r: ProblemResult): Summary {
  const s: Summary = {
    verdict: r.verdict,
    score: r.score,
    cases: r.cases.map((c) => ({ verdict: c.verdict, points: c.points, ...(c.failure ? { message: c.failure.message } : {}) })),
  };
  if (r.replay !== undefined) s.replay = r.replay;
  return s;
}

/** Runs a CommonJS script in a fresh Node and parses the JSON it prints last on stdout. */
export function nodeJson<T>(script: string, timeoutMs = 300_000): Promise<T> {
  if (!existsSync(path.join(DIST, 'pool', 'index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', script],
      { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const last = stdout.trim().split('\n').pop() ?? '';
        try {
          resolve(JSON.parse(last) as T);
        } catch {
          reject(new Error(`child failed (${error?.message ?? 'no JSON'}):\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`));
        }
      },
    );
  });
}

/** A `node -e` script that runs sandbox-child.js with `input` (see that file). */
export function childCall(input: unknown): string {
  const child = path.join(__dirname, 'sandbox-child.js');
  return `process.argv[2] = ${JSON.stringify(JSON.stringify(input))}; require(${JSON.stringify(child)});`;
}
