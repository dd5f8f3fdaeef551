/**
 * The parent compiles for the workers. esbuild runs as a child process, which the permission
 * model refuses to a sandbox worker; compiling in the parent also lets esbuild bundle a student's
 * helper files, which a worker may not read. Only compiling happens here: no learner code runs.
 */
import * as path from 'node:path';
import { bundleChecker, loadProblem } from '../judge/problems';
import { CompileError, SpecialImportError } from '../loader/compile';
import { compileFor } from '../loader/index';
import { foreignSource } from './bundle-sources';
import type { SandboxTask } from './job';

/** A problem's checker bundled as the judge's problems.ts bundles it (problems.ts keeps it per file). */
export function checkerBundle(problemId: string): { file: string; code: string } {
  const problem = loadProblem(problemId);
  const file = path.join(problem.dir, problem.spec.checker);
  return { file, code: bundleChecker(file) };
}

/**
 * Starts esbuild's service process now (compiling starts it otherwise): `interleave run` calls this
 * first, so that it boots while the problem is loaded. Never throws (already started is fine).
 */
export function startCompiler(): void {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    void (require('esbuild') as typeof import('esbuild')).initialize({});
  } catch {
    // started already
  }
}

/** The compiled submission, or its compile error, for a task. */
export async function compileForWorker(file: string, source: string): Promise<Pick<SandboxTask, 'compiled' | 'compileError'>> {
  try {
    // In the file's own language (esbuild for TypeScript; Python's is checked when it loads).
    const compiled = await compileFor(file, source);
    const foreign = compiled.map === '' ? null : foreignSource(file, compiled.map);
    if (foreign) return { compileError: { message: foreign } };
    // The worker instruments it (loader/typescript.ts): that part of compiling runs in parallel.
    return { compiled };
  } catch (e) {
    // A pipe it imports is the task's business (prepare.ts names the file as the grader shows it).
    if (!(e instanceof CompileError) || e instanceof SpecialImportError) throw e;
    return { compileError: { message: e.message, site: e.site, frame: e.frame } };
  }
}
