/**
 * Finds and loads problem packages: `problem.json` is checked against the JSON Schema before use
 * (every error listed by JSON pointer), and the checker is compiled from its TypeScript.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as esbuild from 'esbuild';
import type { ErrorObject } from 'ajv';
import { packageRoot, problemsDir } from '../paths';
import type { ProblemInfo } from '../model/class-results';
import { sha256 } from '../model/sha256';
import { ARG_KINDS, argErrors } from './args/index';
import { defineChecker, type Checker, type LegacyChecker } from './checker';
import { maxScore, type ProblemSpec } from './problem';
import { distance, nearest } from './package';
import { problemValidator } from './problem-schema';

export interface LoadedProblem {
  spec: ProblemSpec;
  dir: string;
  checker: Checker;
}

/** A problem package that cannot be used, with every reason. */
export class ProblemError extends Error {
  override name = 'ProblemError';
}

const cache = new Map<string, LoadedProblem>();

/** The ids of the problem packages, sorted. */
export function problemIds(dir = problemsDir()): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'problem.json')))
    .map((d) => d.name)
    .sort();
}

/** Checks a parsed problem.json; returns the messages (empty when valid). */
export function problemErrors(data: unknown): string[] {
  const validate = problemValidator();
  if (validate(data)) return [];
  return argKindErrors(validate.errors ?? [], data).map(describeAjvError);
}

/**
 * An argument spec matches one of the kinds (`$defs.arg.oneOf`): ajv tells why it fails each of
 * them. Only the kind the spec names (`{ "callback": … }`) is meant, so only its errors are kept;
 * a spec that names none gets one error listing the kinds.
 */
function argKindErrors(errors: ErrorObject[], data: unknown): ErrorObject[] {
  const BRANCH = /^#\/oneOf\/(\d+)\//;
  const failed = new Set(errors.filter((e) => e.keyword === 'oneOf' && /^\/threads\/\d+\/args\/\d+$/.test(e.instancePath)).map((e) => e.instancePath));
  const named = new Map<string, number>();
  for (const where of failed) named.set(where, ARG_KINDS.findIndex((k) => k.key in Object(pointer(data, where))));
  return errors.flatMap((e): ErrorObject[] => {
    const at = [...failed].find((w) => e.instancePath === w || e.instancePath.startsWith(`${w}/`));
    if (at === undefined) return [e];
    const kind = named.get(at)!;
    if (e.keyword === 'oneOf' && e.instancePath === at) {
      if (kind >= 0) return [];
      const keys = ARG_KINDS.map((k) => k.key);
      const near = Object.keys(Object(pointer(data, at))).map((k) => [k, nearest(k, keys)] as const).find(([k, n]) => distance(k.toLowerCase(), n.toLowerCase()) <= 2);
      const hint = near ? `; did you mean "${near[1]}" for "${near[0]}"?` : ` (see docs/authoring.md)`;
      return [{ ...e, message: `names no kind of argument: give it one of ${keys.map((k) => `"${k}"`).join(', ')}${hint}` }];
    }
    const branch = BRANCH.exec(e.schemaPath);
    return branch !== null && Number(branch[1]) === kind ? [e] : [];
  });
}

/** The value at a JSON pointer (`/threads/3/args/0`). */
function pointer(data: unknown, where: string): unknown {
  let v = data;
  for (const part of where.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return v;
}

function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(the top level)' : e.instancePath;
  let hint = '';
  if (e.keyword === 'additionalProperties') hint = ` — remove "${(e.params as { additionalProperty: string }).additionalProperty}" or fix its spelling`;
  else if (e.keyword === 'required') hint = ` — add "${(e.params as { missingProperty: string }).missingProperty}"`;
  else if (e.keyword === 'pattern') hint = ' — see problem.schema.json for the expected form';
  else if (e.keyword === 'enum') hint = `: ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where}: ${e.message ?? e.keyword}${hint}`;
}

/** Loads a problem package by id (cached). Throws ProblemError naming every fault. */
export function loadProblem(id: string, dir = problemsDir()): LoadedProblem {
  const key = path.join(dir, id);
  const hit = cache.get(key);
  if (hit) return hit;
  const file = path.join(key, 'problem.json');
  if (!fs.existsSync(file)) {
    const known = problemIds(dir);
    const near = known.length ? nearest(id, known) : undefined;
    const hint = near !== undefined && distance(id.toLowerCase(), near) <= Math.max(1, Math.floor(id.length / 3)) ? `; did you mean ${near}?` : '';
    throw new ProblemError(`unknown problem "${id}"; the problems are: ${known.join(', ') || `(none in ${dir})`}${hint}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ProblemError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const errors = problemErrors(data);
  if (errors.length > 0) {
    throw new ProblemError(`${file} does not match problem.schema.json:\n  ${errors.join('\n  ')}`);
  }
  const spec = data as ProblemSpec;
  if (spec.id !== id) throw new ProblemError(`${file}: "id" is "${spec.id}" but the folder is "${id}"; make them the same`);
  const misfits = spec.cases.flatMap((c) =>
    spec.threads.flatMap((t) => argErrors(t.args ?? [], c.args).map((m) => `case "${c.name}", thread "${t.name}": ${m}`)),
  );
  if (misfits.length > 0) throw new ProblemError(`${file}: arguments that do not fit the cases:\n  ${misfits.join('\n  ')}`);
  const loaded: LoadedProblem = { spec, dir: key, checker: loadChecker(path.join(key, spec.checker)) };
  cache.set(key, loaded);
  return loaded;
}

/** The module a checker's `import … from 'interleave/checker'` is bundled from: this package's own. */
function checkerApiFile(): string {
  // harness/checker/index.ts under the tests, dist/harness/checker/index.js once built.
  return path.join(__dirname, '..', 'checker', `index${path.extname(__filename)}`);
}

/** The specifiers a checker may use for the public API: the command's name and the npm package's. */
const CHECKER_API = /^(interleave|interleave-judge)\/checker$/;

/**
 * Bundles a checker module with esbuild (trusted code of the package). `interleave/checker` is
 * this package's own API wherever the problem package lives, so a course's folder needs no
 * `node_modules`. Throws ProblemError with esbuild's messages (file:line:column, the line's
 * text) when the checker does not compile or imports what cannot be found.
 */
export function bundleChecker(file: string): string {
  const resolved = path.resolve(file);
  let code = bundled.get(resolved);
  if (code === undefined) {
    code = prebundledChecker(resolved) ?? buildChecker(file);
    bundled.set(resolved, code);
  }
  return code;
}

/** Checker bundles made in this process (or by the build), by the checker's absolute path. */
const bundled = new Map<string, string>();

/** Where `npm run build` leaves the shipped problems' checkers bundled (scripts/build.js). */
export const PREBUNDLED_DIR = 'checkers';

/** A shipped problem's checker as the build bundled it. */
export interface PrebundledChecker {
  /** The checker, relative to the package root: `problems/foobar/checker.ts`. */
  entry: string;
  /** Every file bundled into it, relative to the package root, with its SHA-256. */
  inputs: Record<string, string>;
  code: string;
}

/**
 * A shipped problem's checker bundled at build time, when every file that went into it is still
 * byte for byte what the build read (an edited checker, or the judge rebuilt without this step,
 * is bundled again); else undefined. Saves starting esbuild (about 60 ms) in `interleave run`.
 */
function prebundledChecker(file: string): string | undefined {
  const root = packageRoot();
  const entry = path.relative(root, file).split(path.sep).join('/');
  const id = /^problems\/([a-z0-9-]+)\/checker\.ts$/.exec(entry)?.[1];
  if (id === undefined) return undefined;
  let pre: PrebundledChecker;
  try {
    pre = JSON.parse(fs.readFileSync(path.join(__dirname, PREBUNDLED_DIR, `${id}.json`), 'utf8')) as PrebundledChecker;
  } catch {
    return undefined;
  }
  if (pre.entry !== entry || typeof pre.code !== 'string') return undefined;
  for (const [input, hash] of Object.entries(pre.inputs)) {
    let now: string;
    try {
      now = sha256(fs.readFileSync(path.join(root, input)));
    } catch {
      return undefined;
    }
    if (now !== hash) return undefined;
  }
  return pre.code;
}

/** Options of every checker bundle (the build's too). */
export function checkerBuildOptions(file: string): esbuild.BuildOptions & { write: false } {
  return {
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
    alias: { 'interleave/checker': checkerApiFile(), 'interleave-judge/checker': checkerApiFile() },
  };
}

function buildChecker(file: string): string {
  try {
    // Loaded here: a sandbox worker, which never bundles, does not load esbuild at all.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const out = (require('esbuild') as typeof esbuild).buildSync(checkerBuildOptions(file));
    return out.outputFiles[0].text;
  } catch (e) {
    throw new ProblemError(describeBuildFailure(file, e));
  }
}

function describeBuildFailure(file: string, e: unknown): string {
  const errors = (e as { errors?: esbuild.Message[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return `${file}: the checker could not be bundled: ${(e as Error).message}`;
  const lines = errors.slice(0, 5).map((m) => {
    const at = m.location ? `${m.location.file}:${m.location.line}:${m.location.column + 1}: ` : '';
    const text = m.location?.lineText ? `\n      ${m.location.lineText.trim()}` : '';
    const hint = /Could not resolve "/.test(m.text) && !CHECKER_API.test(/"([^"]+)"/.exec(m.text)?.[1] ?? '')
      ? ' (a checker may import `interleave/checker` and its own relative files only)'
      : '';
    return `  ${at}${m.text}${hint}${text}`;
  });
  const more = errors.length > 5 ? `\n  … and ${errors.length - 5} more` : '';
  return `${file}: the checker does not compile:\n${lines.join('\n')}${more}`;
}

/**
 * Hands the judge a checker bundled elsewhere: a sandbox worker cannot run esbuild (it spawns a
 * process), so the parent bundles and the worker provides the result before loading the problem.
 */
export function provideCheckerBundle(file: string, code: string): void {
  bundled.set(path.resolve(file), code);
}

/** Compiles and runs a checker module (trusted code of the package). */
function loadChecker(file: string): Checker {
  if (!bundled.has(path.resolve(file)) && !fs.existsSync(file)) throw new ProblemError(`${file}: the checker file is missing`);
  const code = bundleChecker(file);
  const mod = { exports: {} as Record<string, unknown> };
  const fn = vm.runInThisContext(`(function (module, exports, require) {${code}\n})`, { filename: file });
  fn(mod, mod.exports, require);
  const checker = (mod.exports.default ?? mod.exports.checker) as Checker | LegacyChecker | undefined;
  if (!checker || typeof checker !== 'object') {
    throw new ProblemError(`${file}: must \`export default defineChecker({ … })\``);
  }
  // A plain object (no defineChecker) of either form works too.
  return defineChecker(checker);
}

/** What reports show about a problem. */
export function problemInfo(p: ProblemSpec): ProblemInfo {
  return { id: p.id, title: p.title, className: p.className, maxScore: maxScore(p) };
}

/** Every problem package, loaded. */
export function listProblems(dir = problemsDir()): ProblemInfo[] {
  return problemIds(dir).map((id) => problemInfo(loadProblem(id, dir).spec));
}

/** The problem whose class a file is named after (`FooBar.ts` → foobar). */
export function problemForFile(file: string, dir = problemsDir()): string | undefined {
  const base = path.basename(file).replace(/\.(ts|js|mts|cts|mjs|cjs)$/, '');
  return listProblems(dir).find((p) => p.className === base)?.id;
}
