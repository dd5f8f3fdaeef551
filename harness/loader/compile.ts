/**
 * Compiles a submission (TypeScript or JavaScript) in memory with esbuild: its own relative files
 * are bundled in (never a pipe, a socket or a device: see special-files.ts), `interleave/sync` is
 * left to the judge, and any other import is refused at compile time. `async` functions are
 * lowered to generators whose driver the judge supplies, so every `await` of learner code is a
 * switch point the scheduler controls. The judge's own edits (loop guards, shared async bodies:
 * instrument.ts) are made where the code is loaded, in the worker, not here in the grader.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { SourceSite } from '../model/result';
import { bundleTooLargeMessage, overLimit, type BundleCount } from './bundle-limits';
import { APART_BYTES, compileApart, serviceDied, type ApartAnswer } from './compile-apart';
import { tooDeep, tooDeepMessage } from './nesting';
import { specialImportMessage, specialKind, type SpecialImport } from './special-files';

export interface CompiledSubmission {
  /** CommonJS code as esbuild wrote it (its `__async` swapped for `__interleave_async`), not yet instrumented. */
  code: string;
  /** The source map (JSON) from `code` back to the learner's files. */
  map: string;
  /** The entry file as the learner named it (for messages). */
  file: string;
  /** A short hash of the code alone: replay tokens carry it to detect a changed file. */
  hash?: string;
}

/** A submission that does not compile: a compile error (CE) with the place and a code frame. */
export class CompileError extends Error {
  override name = 'CompileError';
  constructor(
    message: string,
    readonly site?: SourceSite,
    readonly frame?: string,
  ) {
    super(message);
  }
}

/** A submission importing a pipe, a socket or a device: none of them was opened. */
export class SpecialImportError extends CompileError {
  /** By path (esbuild loads files in parallel: the order found is not the same every time). */
  readonly found: readonly SpecialImport[];
  constructor(display: string, found: readonly SpecialImport[]) {
    const sorted = [...found].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    super(specialImportMessage(display, sorted));
    this.found = sorted;
  }
}

/** A submission whose files together are over the limits of bundle-limits.ts: it was not read to the end. */
export class BundleTooLarge extends CompileError {
  constructor(display: string, readonly count: BundleCount) {
    super(bundleTooLargeMessage(display, count));
  }
}

const SYNC_MODULE = 'interleave/sync';

/** esbuild's loader by a file's extension, for the text the import plugin read (others esbuild reads itself). */
const LOADERS: Record<string, esbuild.Loader> = {
  '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.tsx': 'tsx', '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'jsx', '.json': 'json',
};

/** esbuild's helper for lowered async functions; the judge replaces it with its own driver. */
const ASYNC_HELPER = /var __async = \(__this, __arguments, generator\) => \{\n[\s\S]*?\n\};\n/;

/** The shared esbuild service's life: a compile that saw it die restarts it only if no other did. */
let serviceGeneration = 0;

/** Marks the build of a file too large for the shared service (compile-apart.ts): it goes apart. */
const GOES_APART = 'interleave: compiled apart';

/**
 * Compiles the file at `file` (or `source`, its text, when the caller has already read it).
 * Throws {@link CompileError} for anything the learner must fix. `apart`: this is the process of
 * its own a large or crashing file is compiled in (compile-apart.ts).
 */
export async function compileSubmission(file: string, source?: string, how: { apart?: boolean } = {}): Promise<CompiledSubmission> {
  const abs = path.resolve(file);
  const root = path.dirname(abs);
  const display = path.basename(abs);
  if (source !== undefined) {
    const deep = tooDeep(source);
    if (deep) throw new CompileError(tooDeepMessage(`${display}:${deep.line}:${deep.column}`), { file: display, ...deep });
    if (!how.apart && source.length > APART_BYTES) return fromApart(await compileApart(abs, source), display);
  }
  const generation = serviceGeneration;
  const loader = abs.endsWith('.js') || abs.endsWith('.mjs') || abs.endsWith('.cjs') ? 'js' : 'ts';
  let result: esbuild.BuildResult & { outputFiles: esbuild.OutputFile[] };
  const special: SpecialImport[] = [];
  // The entry file counts too: read by the caller (stdin) or loaded through the plugin.
  const count: BundleCount = { bytes: source === undefined ? 0 : Buffer.byteLength(source), files: source === undefined ? 0 : 1 };
  try {
    result = await esbuild.build({
      ...(source === undefined
        ? { entryPoints: [abs] }
        : { stdin: { contents: source, sourcefile: abs, resolveDir: root, loader } }),
      bundle: true,
      write: false,
      outfile: path.join(root, '__interleave_out.js'),
      format: 'cjs',
      platform: 'neutral',
      target: 'es2022',
      supported: { 'async-await': false, 'async-generator': false, 'for-await': false },
      mainFields: ['module', 'main'],
      sourcemap: 'external',
      sourcesContent: true,
      logLevel: 'silent',
      // The import every solution makes is settled here, without a round trip to the plugin.
      external: [SYNC_MODULE],
      plugins: [importPolicy(root, special, count, !how.apart)],
    });
  } catch (e) {
    if (!how.apart && serviceDied(e)) {
      // A file crashed esbuild (this one, or another in flight): a fresh service for the compiles
      // after, and this one again apart, where only a file that crashes it alone fails.
      if (generation === serviceGeneration) {
        serviceGeneration++;
        await esbuild.stop();
      }
      return fromApart(await compileApart(abs, source), display);
    }
    if (!how.apart && (e as { errors?: esbuild.Message[] }).errors?.some((m) => m.text === GOES_APART)) {
      return fromApart(await compileApart(abs, source), display);
    }
    if (overLimit(count)) throw new BundleTooLarge(display, count);
    throw special.length > 0 ? new SpecialImportError(display, special) : toCompileError(e, display);
  }
  if (special.length > 0) throw new SpecialImportError(display, special);
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const map = result.outputFiles.find((f) => f.path.endsWith('.map'));
  if (!js || !map) throw new Error('esbuild produced no output');
  const code = replaceAsyncHelper(js.text);
  return { code, map: map.text, file: display, hash: codeHash(code) };
}

/**
 * A short hash of compiled code: esbuild's `// path/to/File.ts` lines are left out, or the same
 * file in another folder (or on another machine) would look changed to a replay.
 */
export function codeHash(code: string): string {
  return createHash('sha256').update(code.replace(/^\/\/ .*$/gm, '')).digest('hex').slice(0, 8);
}

/** esbuild's helper for lowered async generators (`async function*`). */
const ASYNC_GENERATOR_HELPER = /var __asyncGenerator = \(__this, __arguments, generator\) => \{\n[\s\S]*?\n\};\n/;

/**
 * esbuild's `__asyncGenerator`, with each call of `next`/`throw`/`return` waiting for the calls
 * before it as the language's own queue does. esbuild's keeps one `wait` for all calls: the first
 * call to settle cleared the queue while a later call still waited its turn, so a third call ran
 * the generator at once, and the waiting one resumed it later in the middle of an `await` (a
 * generator two threads pull from ran one's code as the other: RTE in a correct pipeline).
 */
const QUEUED_ASYNC_GENERATOR =
  'var __asyncGenerator = (__this, __arguments, generator) => { ' +
  'var resume = (k, v, yes, no) => { try { var x = generator[k](v), isAwait = (v = x.value) instanceof __await, done = x.done; ' +
  'Promise.resolve(isAwait ? v[0] : v).then((y) => isAwait ? resume(k === "return" ? k : "next", v[1] ? { done: y.done, value: y.value } : y, yes, no) : yes({ value: y, done })).catch((e) => resume("throw", e, yes, no)); ' +
  '} catch (e) { no(e); } }, ' +
  'method = (k) => it[k] = (x) => { var before = q, call = new Promise((yes, no) => { var run = () => resume(k, x, yes, no); before ? before.then(run) : run(); }), ' +
  'wait = call.then(() => { if (q === wait) q = 0; }, () => { if (q === wait) q = 0; }); q = wait; return call; }, q, it = {}; ' +
  'return generator = generator.apply(__this, __arguments), it[__knownSymbol("asyncIterator")] = () => it, method("next"), method("throw"), method("return"), it; };';

/** Swaps esbuild's `__async` for the judge's (and its `__asyncGenerator` for a queued one), keeping every line where it was (source maps). */
export function replaceAsyncHelper(code: string): string {
  code = swapHelper(code, ASYNC_GENERATOR_HELPER, QUEUED_ASYNC_GENERATOR, '__asyncGenerator(');
  return swapHelper(code, ASYNC_HELPER, 'var __async = __interleave_async;', '__async(');
}

function swapHelper(code: string, helper: RegExp, replacement: string, use: string): string {
  const m = helper.exec(code);
  if (!m) {
    if (code.includes(use)) {
      throw new Error(`interleave: esbuild lowered ${use.slice(2, -1)} in an unexpected way (is esbuild the pinned version?)`);
    }
    return code;
  }
  const newlines = m[0].split('\n').length - 1;
  return code.slice(0, m.index) + replacement + '\n'.repeat(newlines) + code.slice(m.index + m[0].length);
}

/**
 * A filter (RE2, as esbuild's plugins take them: no lookahead) that matches every string but `s`:
 * one that ends early, differs at some character, or goes on after it.
 */
function everythingBut(s: string): RegExp {
  let rest = '.';
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i].replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
    rest = `(?:$|[^${c}]|${c}${rest})`;
  }
  return new RegExp(`^${rest}`);
}

const NOT_SYNC = everythingBut(SYNC_MODULE);

/**
 * Refuses imports other than the learner's own files (and `interleave/sync`, which never reaches
 * it), and notes in `special` every file about to be loaded that is not a regular file (a pipe
 * would block esbuild for ever): such a file is never opened; the compile then fails. Counts in
 * `count` the files about to be loaded and their sizes, and refuses to load any once they are
 * over the limits (bundle-limits.ts): the compile then fails without reading the rest.
 */
function importPolicy(root: string, special: SpecialImport[], count: BundleCount, shared: boolean): esbuild.Plugin {
  return {
    name: 'interleave-import-policy',
    setup(build) {
      build.onLoad({ filter: /.*/ }, (args) => {
        let kind: string | undefined;
        let st: fs.Stats;
        try {
          st = fs.statSync(args.path);
          kind = specialKind(st);
        } catch {
          return undefined; // missing: esbuild says so
        }
        if (overLimit(count)) return { errors: [{ text: 'too much code: not read' }] };
        count.files++;
        if (!kind) count.bytes += st.size;
        if (overLimit(count)) return { errors: [{ text: 'too much code: not read' }] };
        if (kind) {
          special.push({ rel: path.relative(root, args.path).split(path.sep).join('/'), kind });
          return { contents: '', loader: 'js' };
        }
        // What the parsers could not survive is refused before esbuild reads it (nesting.ts); a
        // large file is left to a process of its own (compile-apart.ts).
        if (shared && st.size > APART_BYTES) return { errors: [{ text: GOES_APART }] };
        const text = fs.readFileSync(args.path, 'utf8');
        const deep = tooDeep(text);
        if (deep) {
          return { errors: [{ text: tooDeepMessage(), location: { file: args.path, line: deep.line, column: deep.column - 1 } }] };
        }
        // Read once: esbuild takes the text read here rather than reading the file again.
        const loader = LOADERS[path.extname(args.path)];
        return loader === undefined ? undefined : { contents: text, loader };
      });
      build.onResolve({ filter: NOT_SYNC }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        if (args.path.startsWith('./') || args.path.startsWith('../')) {
          // esbuild follows symlinks: judge where the import really leads.
          const target = realpath(path.resolve(args.resolveDir, args.path));
          const realRoot = realpath(root);
          if (target === realRoot || target.startsWith(realRoot + path.sep)) return undefined;
          return {
            errors: [{ text: `import "${args.path}" reaches outside the submission's folder: a solution may import only its own files` }],
          };
        }
        return {
          errors: [
            {
              text: `import "${args.path}" is not allowed: a solution may import only "${SYNC_MODULE}" and its own files ("./helper")`,
            },
          ],
        };
      });
    },
  };
}

/** The real path of a file (with or without its extension), or the path itself when absent. */
function realpath(p: string): string {
  for (const candidate of [p, `${p}.ts`, `${p}.js`, path.join(p, 'index.ts')]) {
    try {
      const real = fs.realpathSync(candidate);
      return candidate === p ? real : real.slice(0, real.length - (candidate.length - p.length));
    } catch {
      // try the next form
    }
  }
  return p;
}

/** The answer of a compile apart, as the compile in this process would have ended. */
function fromApart(answer: ApartAnswer, display: string): CompiledSubmission {
  if ('ok' in answer) return answer.ok;
  if ('failed' in answer) throw new Error(answer.failed);
  if ('crashed' in answer) {
    throw new CompileError(
      `${display}: the compiler crashed on this file (esbuild ran out of stack), most likely because its code nests too ` +
        'deeply: an expression or statement inside tens of thousands of others (`!!!!…`, `a = a = …`, `else if` after ' +
        '`else if`). No solution needs that; write it with less nesting.',
    );
  }
  const { message, site, frame, found, count } = answer.error;
  if (found) throw new SpecialImportError(display, found);
  if (count) throw new BundleTooLarge(display, count);
  throw new CompileError(message, site, frame);
}

function toCompileError(e: unknown, display: string): CompileError {
  const failure = e as { errors?: esbuild.Message[] };
  const first = failure.errors?.[0];
  if (!first) return new CompileError(`${display}: ${e instanceof Error ? e.message : String(e)}`);
  const loc = first.location;
  const file = loc ? path.basename(loc.file) : display;
  const site: SourceSite | undefined = loc ? { file, line: loc.line, column: loc.column + 1 } : undefined;
  // esbuild's frame names the column 0-based; people (and our message) count from 1.
  const frame = loc
    ? esbuild
        .formatMessagesSync([{ ...first, location: { ...loc, file } }], { kind: 'error', color: false })
        .join('')
        .trimEnd()
        .replace(`${file}:${loc.line}:${loc.column}:`, `${file}:${loc.line}:${loc.column + 1}:`)
    : undefined;
  const where = site ? `${file}:${site.line}:${site.column}: ` : `${display}: `;
  const more = (failure.errors?.length ?? 1) > 1 ? ` (and ${failure.errors!.length - 1} more)` : '';
  return new CompileError(`${where}${first.text}${more}`, site, frame);
}
