/**
 * Loads a submission in whichever learner language its file is written (see language.ts, the
 * seam): compile, then load into something the judge runs afresh in every run. The judge never
 * asks which language it is.
 */
import * as path from 'node:path';
import { CompileError, type CompiledSubmission } from './compile';
import type { LearnerLanguage, LoadedSubmission } from './language';
import { python } from './python/index';
import { typescript } from './typescript';

export { CompileError };
export type { CompiledSubmission, LearnerLanguage, LoadedSubmission };

/** Every learner language, the first one the default. */
export const LANGUAGES: readonly LearnerLanguage[] = [typescript, python];

/** The language of a file, by its extension (TypeScript for anything else: esbuild says what is wrong). */
export function languageOf(file: string): LearnerLanguage {
  const ext = path.extname(file).toLowerCase();
  return LANGUAGES.find((l) => l.extensions.includes(ext)) ?? typescript;
}

/** Every extension a solution file may have (`.ts`, `.js`, `.py`, …). */
export function solutionExtensions(): string[] {
  return LANGUAGES.flatMap((l) => [...l.extensions]);
}

/** Compiles a submission in its language; throws CompileError for a CE. */
export function compileFor(file: string, source?: string): Promise<CompiledSubmission> {
  return languageOf(file).compile(file, source);
}

/**
 * Compiles (unless `precompiled` is given: a sandbox worker cannot run esbuild) and loads a
 * submission; throws CompileError for a CE.
 */
export async function loadSubmission(file: string, source?: string, precompiled?: CompiledSubmission): Promise<LoadedSubmission> {
  const language = languageOf(precompiled?.file ?? file);
  const compiled = precompiled ?? (await language.compile(file, source));
  return language.load(compiled);
}
