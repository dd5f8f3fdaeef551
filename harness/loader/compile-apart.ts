/**
 * Compiling in a process of its own, for what could crash esbuild. esbuild runs as one long-lived
 * service process shared by every compile of the grader; code nested hundreds of thousands of
 * levels deep makes it die of a stack overflow, and every compile in flight or sent after it then
 * failed ("The service is no longer running"): classmates' correct files got CE, which ones
 * depending on timing, and the Go stack trace flooded the grader's output. So a large file (no
 * honest solution is near {@link APART_BYTES}) and every compile a crash interrupted are compiled
 * here instead: one at a time, each in a fresh Node process with its own esbuild, whose output is
 * thrown away. The file that crashes it is the one that crashes it, whatever the timing, and it
 * alone gets a CE saying so.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { SourceSite } from '../model/result';
import type { BundleCount } from './bundle-limits';
import type { CompiledSubmission } from './compile';
import type { SpecialImport } from './special-files';

/**
 * Files larger than this are compiled apart. esbuild's stack outlasts 100,000 levels of any
 * nesting, which takes at least 100 KB of text; the shipped solutions are 1–5 KB.
 */
export const APART_BYTES = 64 * 1024;

/** What the child answers, on one line of JSON. */
export type ApartAnswer =
  | { ok: CompiledSubmission }
  | { error: { message: string; site?: SourceSite; frame?: string; found?: SpecialImport[]; count?: BundleCount } }
  | { crashed: true }
  /** The compile failed for a reason not the learner's (thrown again in the parent: a JE). */
  | { failed: string };

/** Does this error say esbuild's service process died (a crash, not a compile error)? */
export function serviceDied(e: unknown): boolean {
  return /The service (was stopped|is no longer running)/.test(e instanceof Error ? e.message : String(e));
}

let queue: Promise<unknown> = Promise.resolve();

/** Compiles in a child process, after every compile apart before it has ended. */
export function compileApart(file: string, source: string | undefined): Promise<ApartAnswer> {
  const run = queue.then(() => inChild(file, source));
  queue = run.catch(() => undefined);
  return run;
}

function inChild(file: string, source: string | undefined): Promise<ApartAnswer> {
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(builtFile())}).compileApartChild()`], {
    stdio: ['pipe', 'pipe', 'ignore'],
    cwd: path.dirname(path.resolve(file)),
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  child.stdin.on('error', () => undefined);
  child.stdin.end(JSON.stringify({ file, source }));
  return new Promise((resolve) => {
    const answer = (): void => {
      try {
        resolve(JSON.parse(out) as ApartAnswer);
      } catch {
        resolve({ crashed: true });
      }
    };
    child.on('error', () => resolve({ crashed: true }));
    child.on('close', answer);
  });
}

/** This file as `npm run build` wrote it: under jest (tests) it is TypeScript, which node does not load. */
function builtFile(): string {
  if (!__filename.endsWith('.ts')) return __filename;
  return path.join(__dirname, '..', '..', 'dist', 'harness', 'loader', 'compile-apart.js');
}

/** The child's side: compile what stdin names with its own esbuild, answer on stdout. */
export async function compileApartChild(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compileSubmission, SpecialImportError, BundleTooLarge, CompileError } = require('./compile') as typeof import('./compile');
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const { file, source } = JSON.parse(input) as { file: string; source?: string };
  let answer: ApartAnswer;
  try {
    answer = { ok: await compileSubmission(file, source, { apart: true }) };
  } catch (e) {
    if (serviceDied(e)) answer = { crashed: true };
    else if (e instanceof CompileError) {
      answer = {
        error: {
          message: e.message,
          site: e.site,
          frame: e.frame,
          found: e instanceof SpecialImportError ? [...e.found] : undefined,
          count: e instanceof BundleTooLarge ? e.count : undefined,
        },
      };
    } else answer = { failed: (e as Error).message };
  }
  process.stdout.write(JSON.stringify(answer), () => process.exit(0));
}
