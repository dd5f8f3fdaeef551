/**
 * TypeScript and JavaScript, the first learner language: compiled in memory by esbuild (async
 * functions lowered to generators the judge drives), evaluated once into a module body (an SES
 * Compartment in sandbox workers, a plain Function in trusted use), run afresh in every run.
 */
import * as path from 'node:path';
import { harden } from '../scheduler/harden';
import * as sync from '../sync/index';
import type { SourceSite } from '../model/result';
import { codeHash, CompileError, compileSubmission, type CompiledSubmission } from './compile';
import { endowments } from './endowments';
import { evaluateModule, type ModuleBody } from './evaluate';
import { instrument } from './instrument';
import type { LearnerLanguage, LoadedSubmission } from './language';
import { SourceMapper } from './sourcemap';

let frozenSync: object | null = null;

/** The module object learners import, hardened where the realm is. */
function syncModule(): object {
  frozenSync ??= harden({ ...sync });
  return frozenSync;
}

export const typescript: LearnerLanguage = {
  id: 'typescript',
  name: 'TypeScript',
  extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
  methodName: (m) => m,
  compile: (file, source) => compileSubmission(file, source),
  async load(compiled: CompiledSubmission): Promise<LoadedSubmission> {
    const sourceURL = `interleave-learner:///${encodeURIComponent(compiled.file)}`;
    let evaluated: ReturnType<typeof evaluateModule>;
    // Sites of guarded loops, once the mapper exists (a loop guard runs only when the module does).
    let loopSite: (id: number) => SourceSite | undefined = () => undefined;
    // The judge's edits, here where the code runs: in a sandbox worker, in parallel with the others
    // (the grader only bundles, which needs esbuild's process).
    const guarded = instrument(compiled.code);
    try {
      evaluated = evaluateModule(guarded.code, sourceURL, endowments(syncModule(), (id) => loopSite(id)));
    } catch (e) {
      // SES refuses some syntax at evaluation (dynamic import(), HTML comments): still the learner's to fix.
      if (e instanceof SyntaxError) throw new CompileError(`${compiled.file}: ${e.message.replace(/\s*\(SES_[A-Z_]+\)$/, '')}`);
      throw e;
    }
    const { body, lineOffset } = evaluated;
    const mapper = new SourceMapper(compiled.map, sourceURL, lineOffset, guarded.shifts);
    loopSite = (id) => {
      const at = guarded.loops[id];
      return at ? mapper.compiledSite(at[0], at[1]) : undefined;
    };
    // Of the code before loop guards (tokens made before guards existed still fit).
    const hash = compiled.hash ?? codeHash(compiled.code);
    return {
      file: path.basename(compiled.file),
      language: 'typescript',
      hash,
      mapper,
      runModule: () => runBody(body),
      methodName: (m) => m,
      dispose: () => {},
    };
  },
};

function runBody(body: ModuleBody): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  body(module, module.exports);
  return module.exports;
}
