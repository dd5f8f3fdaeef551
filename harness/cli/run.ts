/**
 * `interleave run [<problem-id>] <file>`: judge one file. A human-readable verdict by default
 * (with the trace and the replay command on failure), `--format json` (or `--json`) for scripts,
 * `--format junit` for CI. Exit status 0 only for AC, 1 for any other verdict, 2 for a mistake in
 * the command.
 *
 * A learner waits for this command, so it loads little: the judge itself runs in the sandbox
 * worker, which is started first, from limits read ahead in problem.json, and boots while this
 * process loads the problem and compiles the file (bench/cold.ts measures it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProblemResult } from '../model/result';
import { ReplayTokenError, decodeToken } from '../judge/replay-token';
import { resolveStrategy, STRATEGY_NAMES, UnknownStrategyError } from '../strategies/registry';
import { problemsDir } from '../paths';
import { EarlySandbox } from '../pool/early-sandbox';
import { limitsFor, type Limits } from '../pool/limits';
import { mark } from '../pool/phases';
import { RUN_FORMATS, runReporter } from '../report/reporters';
import { EXIT_USAGE, UsageError, choice, intFlag, parse, useColor } from './args';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded when needed: see above */
const problems = (): typeof import('../judge/problems') => require('../judge/problems');
const isolated = (): typeof import('../pool/isolated') => require('../pool/isolated');
const precompile = (): typeof import('../pool/precompile') => require('../pool/precompile');
/* eslint-enable @typescript-eslint/no-require-imports */

export const RUN_USAGE = `usage: npx interleave run [<problem-id>] <file> [options]

options:
  --format NAME       ${RUN_FORMATS.join(' | ')} (default console); json prints one JSON object (problem,
                      verdict, score, maxScore, replay, cases…), junit a junit.xml of the file's cases
  --json              the same as --format json
  --seed N            the seed of the exploration (default 1): same file + same seed = same verdict
  --replay TOKEN      reproduce one failing run exactly, with its full trace
  --budget N          schedules per case (default: the problem's)
  --strategy NAME     ${STRATEGY_NAMES.join(' | ')} (default portfolio)
  --full-trace        print every step of the trace, not only the last ones
  --watch             judge again each time the file (or a file beside it) is saved; Ctrl-C stops
  --in-process        judge in this process, without the sandbox's time and memory limits (trusted code only)`;

export async function runCommand(argv: string[]): Promise<number> {
  let early: EarlySandbox | undefined;
  try {
    const { values, positionals } = parse(argv, {
      format: { type: 'string' },
      json: { type: 'boolean' },
      seed: { type: 'string' },
      replay: { type: 'string' },
      budget: { type: 'string' },
      strategy: { type: 'string' },
      'full-trace': { type: 'boolean' },
      'in-process': { type: 'boolean' },
      watch: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
      process.stdout.write(`${RUN_USAGE}\n`);
      return 0;
    }
    const file = fileOf(positionals);
    if (values.json && values.format !== undefined && values.format !== 'json') {
      throw new UsageError(`--json and --format ${values.format} ask for two formats; give one`);
    }
    const format = values.json ? 'json' : (choice('format', values.format, RUN_FORMATS) ?? 'console');
    const seed = intFlag('seed', values.seed);
    const schedules = intFlag('budget', values.budget, 1);
    // One registry of names: a typo is a usage error that says which name was meant.
    const strategy = values.strategy === undefined ? undefined : resolveStrategy(values.strategy);
    const sandboxed = !values['in-process'];
    // A Python file is judged by a child of its own: the TypeScript sandbox would boot for nothing.
    if (sandboxed && !values.watch && !file.endsWith('.py')) {
      const ahead = limitsAhead(positionals, file);
      if (ahead) {
        early = EarlySandbox.start(ahead);
        // Loading tinypool and forking take turns of the event loop: let them happen now, before
        // the synchronous work below, or the worker would start booting only after it.
        await early.forked();
      }
    }
    // esbuild's service boots while the problem loads, as the worker does.
    if (sandboxed && !file.endsWith('.py')) precompile().startCompiler();
    const problemId = problemOf(positionals, file);
    const problem = problems().loadProblem(problemId);
    if (values.replay !== undefined) {
      // Check the token here, where a mistake is a usage error, before any judging starts.
      const token = decodeToken(values.replay);
      if (token.problem !== problemId) throw new ReplayTokenError(`this replay token is for problem "${token.problem}", not "${problemId}"`);
    }
    const opts = { seed, schedules, strategy, replay: values.replay };
    const reporter = runReporter(format);
    const judgeOnce = async (): Promise<number> => {
      let result: ProblemResult;
      if (!sandboxed) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { judgeFile } = require('../judge/index') as typeof import('../judge/index');
        result = await judgeFile(problemId, file, opts);
      } else {
        const { memoryMb, wallClockMs } = problem.spec.limits;
        const limits = limitsFor(memoryMb, wallClockMs);
        const sandbox = early?.take(limits);
        result = await isolated().judgeIsolated({ student: '', problemId, file, ...definedOnly(opts) }, limits, { sandbox });
      }
      mark('explain');
      const text = reporter.formatRun(result, {
        color: useColor(process.stdout),
        fullTrace: values['full-trace'] === true,
        width: process.stdout.columns,
      });
      mark('print');
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      return result.verdict === 'AC' ? 0 : 1;
    };
    if (values.watch) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { watchFile } = require('./watch') as typeof import('./watch');
      return await watchFile(file, judgeOnce);
    }
    return await judgeOnce();
  } catch (e) {
    if (e instanceof UsageError || e instanceof problems().ProblemError) {
      process.stderr.write(`interleave run: ${e.message}\n${e instanceof UsageError ? `\n${RUN_USAGE}\n` : ''}`);
      return EXIT_USAGE;
    }
    if (e instanceof UnknownStrategyError) {
      process.stderr.write(`interleave run: --strategy: ${e.message}\n\n${RUN_USAGE}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof ReplayTokenError) {
      process.stderr.write(`interleave run: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  } finally {
    await early?.discard();
  }
}

/** The file to judge: the last argument, which must be an existing file. */
function fileOf(positionals: string[]): string {
  if (positionals.length === 0 || positionals.length > 2) {
    throw new UsageError(positionals.length === 0 ? 'which file? give a problem id and a file' : `too many arguments: ${positionals.join(' ')}`);
  }
  const file = positionals[positionals.length - 1];
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  if (!fs.statSync(file).isFile()) throw new UsageError(`not a file: ${file}`);
  // A Python file needs Python 3.10+ on PATH: without it, a mistake of the setup (exit 2), never a verdict.
  if (file.endsWith('.py')) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { findPython, PythonUnavailableError } = require('../loader/python/find-python') as typeof import('../loader/python/find-python');
    try {
      findPython();
    } catch (e) {
      if (e instanceof PythonUnavailableError) throw new UsageError(e.message);
      throw e;
    }
  }
  return file;
}

/** The problem: given first, or the one whose class the file is named after. */
function problemOf(positionals: string[], file: string): string {
  if (positionals.length === 2) return positionals[0];
  const { listProblems, problemIds } = problems();
  const cls = className(file);
  // Only the problem whose class matches is loaded (and its checker bundled), not every problem.
  const byClass = problemIds().find((id) => rawSpec(id)?.className === cls);
  if (byClass) return byClass;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { misnamedFiles } = require('../report/misnamed') as typeof import('../report/misnamed');
  const near = misnamedFiles([path.basename(file)], listProblems(), new Set())[0];
  if (near) throw new UsageError(`cannot tell the problem from the file name "${file}": did you mean ${near.expected}? (the file is named after the class; or give the problem id first: npx interleave run ${near.problemId} ${file})`);
  throw new UsageError(
    `cannot tell the problem from the file name "${file}": name the file after the class (FooBar.ts) or give the problem id first (${problemIds().join(', ')})`,
  );
}

/** problem.json as written, not yet checked against the schema (loadProblem checks it), or undefined. */
function rawSpec(id: string): { className?: unknown; limits?: { memoryMb?: unknown; wallClockMs?: unknown } } | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(problemsDir(), id, 'problem.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The limits of the file's problem read straight from its problem.json, to start the sandbox
 * early; undefined when they cannot be read that way (then the sandbox starts after the check).
 */
function limitsAhead(positionals: string[], file: string): Limits | undefined {
  let id: string | undefined = positionals.length === 2 ? positionals[0] : undefined;
  if (id === undefined) {
    const cls = className(file);
    try {
      id = fs.readdirSync(problemsDir()).find((p) => rawSpec(p)?.className === cls);
    } catch {
      return undefined;
    }
  }
  if (id === undefined || !/^[a-z0-9-]+$/.test(id)) return undefined;
  const { memoryMb, wallClockMs } = rawSpec(id)?.limits ?? {};
  return typeof memoryMb === 'number' && typeof wallClockMs === 'number' ? limitsFor(memoryMb, wallClockMs) : undefined;
}

function className(file: string): string {
  return path.basename(file).replace(/\.(ts|js|mts|cts|mjs|cjs|py)$/, '');
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
