/**
 * TypeScript and JavaScript, the first learner language: compiled in memory by esbuild (async
 * functions lowered to generators the judge drives: compile.ts), then loaded where the code runs
 * (typescript-load.ts): evaluated once into a module body (an SES Compartment in sandbox workers,
 * a plain Function in trusted use), run afresh in every run.
 */
import { compileSubmission } from './compile';
import type { LearnerLanguage } from './language';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when needed: see load below
const loadPart = (): typeof import('./typescript-load') => require('./typescript-load');

export const typescript: LearnerLanguage = {
  id: 'typescript',
  name: 'TypeScript',
  extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'],
  methodName: (m) => m,
  compile: (file, source) => compileSubmission(file, source),
  // The loading half (the judge's edits, SES, the source mapper) runs only where the code does, in
  // a sandbox worker: the grader, which only compiles, does not load it (interleave run starts faster).
  load: (compiled) => loadPart().loadTypeScript(compiled),
};
