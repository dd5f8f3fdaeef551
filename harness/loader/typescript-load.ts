/**
 * Loads compiled TypeScript or JavaScript where it runs (a sandbox worker, or the process itself in
 * trusted use): the judge's edits (instrument.ts), evaluation once into a module body (an SES
 * Compartment in sandbox workers, a plain Function in trusted use), and the source mapper that
 * takes the judge's view back to the learner's lines. The grader only compiles (typescript.ts).
 */
import * as path from 'node:path';
import { harden } from '../scheduler/harden';
import * as sync from '../sync/index';
import type { SourceSite } from '../model/result';
import { codeHash, CompileError, type CompiledSubmission } from './compile';
import { endowments, type EditSites, type ShowError } from './endowments';
import { evaluateModule, type ModuleBody } from './evaluate';
import { instrument } from './instrument';
import { showLearnerStacks } from './learner-stack';
import type { LoadedSubmission } from './language';
import { SourceMapper } from './sourcemap';

let frozenSync: object | null = null;

/** The module object learners import, hardened where the realm is. */
function syncModule(): object {
  frozenSync ??= harden({ ...sync });
  return frozenSync;
}

export async function loadTypeScript(compiled: CompiledSubmission): Promise<LoadedSubmission> {
  const sourceURL = `interleave-learner:///${encodeURIComponent(compiled.file)}`;
  let evaluated: ReturnType<typeof evaluateModule>;
  // Where the judge's edits are, once the mapper exists (an edit's call runs only when the module does).
  let sites: EditSites | null = null;
  let showError: ShowError = (header) => header;
  // The judge's edits, here where the code runs: in a sandbox worker, in parallel with the others
  // (the grader only bundles, which needs esbuild's process).
  const guarded = instrumentOrRefuse(compiled, sourceURL);
  try {
    const lazySites: EditSites = { loop: (id) => sites?.loop(id), catch: (id) => sites?.catch(id), await: (id) => sites?.await(id) };
    evaluated = evaluateModule(guarded.code, sourceURL, endowments(syncModule(), lazySites, (header, stack) => showError(header, stack)));
  } catch (e) {
    if (e instanceof SyntaxError) throw refusedBySes(e, compiled, new SourceMapper(compiled.map, sourceURL, 1, guarded.shifts), guarded.code);
    if (stackOverflow(e)) throw new CompileError(`${compiled.file}: ${TOO_DEEP}`);
    throw e;
  }
  const { body, lineOffset } = evaluated;
  const mapper = new SourceMapper(compiled.map, sourceURL, lineOffset, guarded.shifts);
  showLearnerStacks(mapper);
  showError = (header, stack) => mapper.mapStackText(header, stack);
  const siteIn = (places: Array<[number, number]>) => (id: number) => {
    const at = places[id];
    return at ? mapper.compiledSite(at[0], at[1]) : undefined;
  };
  sites = { loop: siteIn(guarded.loops), catch: siteIn(guarded.catches), await: siteIn(guarded.awaits) };
  // Of the code before loop guards (tokens made before guards existed still fit).
  const hash = compiled.hash ?? codeHash(compiled.code);
  return {
    file: path.basename(compiled.file),
    language: 'typescript',
    hash,
    mapper,
    runModule: () => runBody(body),
    methodName: (m) => m,
    mentions: (identifier) => mentionsIn(compiled.code, identifier),
    dispose: () => {},
  };
}

/** Is `identifier` in `code` as a word of its own (an identifier, a property key, a string's text)? */
export function mentionsIn(code: string, identifier: string): boolean {
  const escaped = identifier.replace(/[$]/g, '\\$');
  return new RegExp(`(^|[^\\w$])${escaped}([^\\w$]|$)`).test(code);
}

/**
 * The judge's edits (instrument.ts), which parse the compiled code with acorn: esbuild passes
 * some code V8 would refuse (a regular expression that does not compile, `/eval(/`), and that is
 * a compile error at the learner's line, as V8 would make it.
 */
function instrumentOrRefuse(compiled: CompiledSubmission, sourceURL: string): ReturnType<typeof instrument> {
  try {
    return instrument(compiled.code);
  } catch (e) {
    if (stackOverflow(e)) throw new CompileError(`${compiled.file}: ${TOO_DEEP}`);
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    if (!(e instanceof SyntaxError) || loc === undefined) throw e;
    const site = new SourceMapper(compiled.map, sourceURL, 0, {}).compiledSite(loc.line, loc.column);
    const where = site ? `${site.file}:${site.line}:${site.column}` : compiled.file;
    // acorn's own words for its stack running out ("Not enough stack space to parse input").
    const text = /stack space/.test(e.message) ? TOO_DEEP : e.message.replace(/\s*\(\d+:\d+\)$/, '');
    throw new CompileError(`${where}: ${text}`, site);
  }
}

/**
 * Code nested thousands of levels deep (`a.b().b().b()…`, `else if` after `else if`), which
 * esbuild passes: reading it (acorn, the judge's edits, V8's own parser) runs out of stack in the
 * worker. The file's doing, so a compile error, never the judge's error it was.
 */
const TOO_DEEP =
  'the code nests too deeply for the judge to read (reading it ran out of stack): an expression or statement inside ' +
  'thousands of others. No solution needs that; write it with less nesting.';

function stackOverflow(e: unknown): boolean {
  return e instanceof RangeError && /call stack size/i.test(e.message);
}

/** What SES refuses in code itself (not in a string or comment: see ses-text.ts), told at the learner's line. */
const REFUSED_CODE: Array<{ ses: RegExp; at: RegExp; what: string }> = [
  { ses: /direct eval/, at: /\beval\s*\(/, what: 'eval() is not available to a solution' },
  { ses: /import expression/, at: /\bimport\s*[(/]/, what: 'import() is not available to a solution: import "interleave/sync" and your own files at the top of the file' },
  { ses: /HTML comment/, at: /<!--|-->/, what: '`<!--` and `-->` are read as comments by some engines: put a space inside them (`x-- > 0`)' },
];

/**
 * SES refused the code at evaluation (`eval(…)`, `import(…)`): a compile error at the learner's
 * line, saying what to do. SES names a line of the evaluated text (one line of wrapper first).
 */
function refusedBySes(e: SyntaxError, compiled: CompiledSubmission, mapper: SourceMapper, code: string): CompileError {
  const refused = REFUSED_CODE.find((r) => r.ses.test(e.message));
  const line = Number(/:(\d+)\.?\s*(\(SES_[A-Z_]+\))?$/.exec(e.message)?.[1]);
  const text = Number.isInteger(line) ? code.split('\n')[line - 2] : undefined;
  const column = refused && text !== undefined ? text.search(refused.at) : -1;
  const site = column >= 0 ? mapper.site(line, column + 1) : undefined;
  const where = site ? `${site.file}:${site.line}:${site.column}` : compiled.file;
  return new CompileError(`${where}: ${refused?.what ?? e.message.replace(/\s*\(SES_[A-Z_]+\)$/, '')}`, site);
}

function runBody(body: ModuleBody): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  body(module, module.exports);
  return module.exports;
}
