/**
 * Loads a submission: compile (esbuild), evaluate once into a module body (SES Compartment in
 * sandbox workers, a plain Function in trusted use), and map positions back to the learner's
 * files. The module body runs afresh in every run, so module-level state never leaks between runs.
 */
import { createHash } from 'node:crypto';
import { harden } from '../scheduler/harden';
import * as sync from '../sync/index';
import { CompileError, compileSubmission, type CompiledSubmission } from './compile';
import { endowments } from './endowments';
import { evaluateModule, type ModuleBody } from './evaluate';
import { SourceMapper } from './sourcemap';

export { CompileError };
export type { CompiledSubmission };

export interface LoadedSubmission {
  /** The file name as the learner wrote it. */
  file: string;
  /** A short hash of the compiled code: replay tokens carry it to detect a changed file. */
  hash: string;
  mapper: SourceMapper;
  /** Runs the module body (under an active runtime) and returns its exports. */
  runModule(): Record<string, unknown>;
}

let frozenSync: object | null = null;

/** The module object learners import, hardened where the realm is. */
function syncModule(): object {
  frozenSync ??= harden({ ...sync });
  return frozenSync;
}

/**
 * Compiles (unless `precompiled` is given: a sandbox worker cannot run esbuild) and evaluates a
 * submission; throws CompileError for a CE.
 */
export async function loadSubmission(file: string, source?: string, precompiled?: CompiledSubmission): Promise<LoadedSubmission> {
  const compiled = precompiled ?? (await compileSubmission(file, source));
  const sourceURL = `interleave-learner:///${encodeURIComponent(compiled.file)}`;
  let evaluated: ReturnType<typeof evaluateModule>;
  try {
    evaluated = evaluateModule(compiled.code, sourceURL, endowments(syncModule()));
  } catch (e) {
    // SES refuses some syntax at evaluation (dynamic import(), HTML comments): still the learner's to fix.
    if (e instanceof SyntaxError) throw new CompileError(`${compiled.file}: ${e.message.replace(/\s*\(SES_[A-Z_]+\)$/, '')}`);
    throw e;
  }
  const { body, lineOffset } = evaluated;
  const mapper = new SourceMapper(compiled.map, sourceURL, lineOffset);
  // Of the code alone: esbuild's `// path/to/File.ts` lines would make the same file in another
  // folder (or on another machine) look changed to a replay.
  const hash = createHash('sha256').update(compiled.code.replace(/^\/\/ .*$/gm, '')).digest('hex').slice(0, 8);
  return { file: compiled.file, hash, mapper, runModule: () => runBody(body) };
}

function runBody(body: ModuleBody): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  body(module, module.exports);
  return module.exports;
}
