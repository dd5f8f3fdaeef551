/**
 * TypeScript and JavaScript, the first learner language: compiled in memory by esbuild (async
 * functions lowered to generators the judge drives), evaluated once into a module body (an SES
 * Compartment in sandbox workers, a plain Function in trusted use), run afresh in every run.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { harden } from '../scheduler/harden';
import * as sync from '../sync/index';
import { CompileError, compileSubmission, type CompiledSubmission } from './compile';
import { endowments } from './endowments';
import { evaluateModule, type ModuleBody } from './evaluate';
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
