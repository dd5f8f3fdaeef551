/**
 * Loads a compiled Python file where it runs (a sandbox worker): one Python process per
 * submission (session.ts), and a PythonRun per run that drives it under the judge's scheduler.
 * The grader never loads this: it only compiles (index.ts).
 */
import { createHash } from 'node:crypto';
import { activeRuntime } from '../../scheduler/active';
import type { CompiledSubmission } from '../compile';
import type { LoadedSubmission, SiteMapper } from '../language';
import { tracebackSite } from './errors';
import { pythonName } from './names';
import { PythonRun } from './run';
import { PythonSession } from './session';

export async function loadPython(compiled: CompiledSubmission): Promise<LoadedSubmission> {
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
}
