/**
 * Python, the second learner language: the file is judged as written. It runs in a Python process
 * of its own (see process.ts, and runtime/ for the Python side), where `threading`, `queue`,
 * `time` and `concurrent.futures` are the judge's: every operation on them is performed by the
 * judge's own primitives, so scheduling, semantics, checkers, traces and replay tokens are the
 * same as TypeScript's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompileError, type CompiledSubmission } from '../compile';
import type { LearnerLanguage } from '../language';
import { findPython } from './find-python';
import { pythonName } from './names';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded when needed: see load below
const loadPart = (): typeof import('./load') => require('./load');

export { PythonUnavailableError, findPython, PROBED_ENV, pythonContainmentNote } from './find-python';
export { pythonName } from './names';

/** Larger files are a compile error, as for TypeScript's reader. */
const MAX_SOURCE = 1 << 20;

export const python: LearnerLanguage = {
  id: 'python',
  name: 'Python',
  extensions: ['.py'],
  methodName: pythonName,
  signature: (_cls, method, params) => `def ${pythonName(method)}(${['self', ...params.map(pythonName)].join(', ')})`,
  async compile(file: string, source?: string): Promise<CompiledSubmission> {
    findPython();
    const text = source ?? readSource(file);
    if (Buffer.byteLength(text) > MAX_SOURCE) throw new CompileError(`${path.basename(file)}: the file is larger than 1 MiB`);
    if (text.includes('\0')) throw new CompileError(`${path.basename(file)}: the file contains a NUL byte`);
    // The syntax is checked when the runner loads it (a CompileError there too).
    return { code: text, map: '', file: path.basename(file) };
  },
  // The loading half runs only where the code does (a sandbox worker): the grader, which only
  // compiles, does not load the runner and the scheduler with it.
  load: (compiled) => loadPart().loadPython(compiled),
};

function readSource(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CompileError(`${path.basename(file)}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

