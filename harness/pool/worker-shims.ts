/**
 * Inside a sandbox worker only, loaded before the judge: esbuild cannot run there (the permission
 * model refuses child processes), so what the judge would compile comes precompiled from the
 * parent with the task. esbuild is replaced in the module cache by a stand-in that hands out the
 * parent's checker bundle and refuses everything else, and compileSubmission returns the parent's
 * compiled submission (or throws its CompileError, so a CE is reported exactly as in-process).
 *
 * This file goes away once the judge takes precompiled code itself (see the pool's README notes).
 */
import Module from 'node:module';
import * as path from 'node:path';
import type { SandboxTask } from './job';

let current: SandboxTask | undefined;

/** The task being judged: the stand-ins answer from it. */
export function setCurrentTask(task: SandboxTask | undefined): void {
  current = task;
}

function refused(name: string): () => never {
  return () => {
    throw new Error(`esbuild.${name}() cannot run in a sandbox worker (no child processes): the parent compiles`);
  };
}

const esbuildStandIn = {
  __esModule: true,
  buildSync(options: { entryPoints?: unknown }): { outputFiles: { path: string; text: string }[]; errors: []; warnings: [] } {
    const entry = Array.isArray(options.entryPoints) ? String(options.entryPoints[0]) : '';
    const checker = current?.checker;
    if (!checker || path.resolve(entry) !== path.resolve(checker.file)) {
      throw new Error(`the parent did not send ${entry || 'this file'} compiled; a sandbox worker cannot run esbuild`);
    }
    return { outputFiles: [{ path: `${checker.file}.js`, text: checker.code }], errors: [], warnings: [] };
  },
  build: refused('build'),
  transform: refused('transform'),
  transformSync: refused('transformSync'),
  context: refused('context'),
  formatMessages: async (messages: { text: string }[]) => messages.map((m) => m.text),
  formatMessagesSync: (messages: { text: string }[]) => messages.map((m) => m.text),
};

const esbuildPath = require.resolve('esbuild');
const standIn = new Module(esbuildPath);
standIn.filename = esbuildPath;
standIn.loaded = true;
standIn.exports = esbuildStandIn;
require.cache[esbuildPath] = standIn;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const compile = require('../loader/compile') as typeof import('../loader/compile');
compile.compileSubmission = async () => {
  if (current?.compileError) {
    const { message, site, frame } = current.compileError;
    throw new compile.CompileError(message, site, frame);
  }
  if (!current?.compiled) throw new Error('the parent sent no compiled submission with this task');
  return { ...current.compiled };
};
