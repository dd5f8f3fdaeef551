/**
 * Python, the second learner language: the file is judged as written. It runs in a Python process
 * of its own (see process.ts, and runtime/ for the Python side), where `threading`, `queue`,
 * `time` and `concurrent.futures` are the judge's: every operation on them is performed by the
 * judge's own primitives, so scheduling, semantics, checkers, traces and replay tokens are the
 * same as TypeScript's.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activeRuntime } from '../../scheduler/active';
import { CompileError, type CompiledSubmission } from '../compile';
import type { LearnerLanguage, LoadedSubmission, SiteMapper } from '../language';
import { tracebackSite } from './errors';
import { findPython } from './find-python';
import { PythonRun, pythonName } from './run';
import { PythonSession } from './session';

export { PythonUnavailableError, findPython, PROBED_ENV, pythonContainmentNote } from './find-python';
export { pythonName } from './run';

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
  async load(compiled: CompiledSubmission): Promise<LoadedSubmission> {
    const session = new PythonSession(compiled.file, compiled.code);
    // Starts the process and compiles: a syntax error is a CE now, before any case runs.
    session.ensure();
    const mapper: SiteMapper = {
      // Only the thread whose Python code is there is at that line (not the harness's stopper).
      callerSite: () => (activeRuntime().currentThread === session.siteThread ? session.site : undefined),
      firstSite: (stack, skip = 0) => tracebackSite(stack, session.file, skip),
      mapStack: (error) => (typeof (error as Error)?.stack === 'string' && (error as Error).stack!.startsWith('Traceback') ? (error as Error).stack : undefined),
      sourceText: (file) => (file === session.file ? compiled.code : undefined),
    };
    return {
      file: compiled.file,
      language: 'python',
      hash: createHash('sha256').update(compiled.code).digest('hex').slice(0, 8),
      mapper,
      runModule: (opts) => new PythonRun(session, activeRuntime()).module(opts?.attributeSwitchPoints === true),
      methodName: pythonName,
      // The facade's prototype already offers every name the module mentions (interleave_bridge's _mentioned).
      mentions: () => false,
      dispose: () => session.closeProcess(),
    };
  },
};

function readSource(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new CompileError(`${path.basename(file)}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

