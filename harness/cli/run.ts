/**
 * `interleave run [<problem-id>] <file>`: judge one file. A human-readable verdict by default
 * (with the trace and the replay command on failure), `--json` for scripts. Exit status 0 only
 * for AC, 1 for any other verdict, 2 for a mistake in the command.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { listProblems, loadProblem, problemForFile, problemIds, ProblemError } from '../judge/problems';
import { misnamedFiles } from '../report/misnamed';
import { judgeFile } from '../judge/index';
import type { ProblemResult } from '../model/result';
import { ReplayTokenError, decodeToken } from '../judge/replay-token';
import { resolveStrategy, STRATEGY_NAMES, UnknownStrategyError } from '../strategies/registry';
import { judgeIsolated, limitsFor } from '../pool/index';
import { formatRunResult } from '../report/console';
import { EXIT_USAGE, UsageError, hint, intFlag, parse, useColor } from './args';
import { watchFile } from './watch';

export const RUN_USAGE = `usage: npx interleave run [<problem-id>] <file> [options]

options:
  --json              print one JSON object (problem, verdict, score, maxScore, replay, cases…)
  --seed N            the seed of the exploration (default 1): same file + same seed = same verdict
  --replay TOKEN      reproduce one failing run exactly, with its full trace
  --budget N          schedules per case (default: the problem's)
  --strategy NAME     ${STRATEGY_NAMES.join(' | ')} (default portfolio)
  --full-trace        print every step of the trace, not only the last ones
  --watch             judge again each time the file (or a file beside it) is saved; Ctrl-C stops
  --in-process        judge in this process, without the sandbox's wall-clock guard (trusted code only)`;

export async function runCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, {
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
    const { problemId, file } = target(positionals);
    const seed = intFlag('seed', values.seed);
    const schedules = intFlag('budget', values.budget, 1);
    // One registry of names: a typo is a usage error that says which name was meant.
    const strategy = values.strategy === undefined ? undefined : resolveStrategy(values.strategy);
    const problem = loadProblem(problemId);
    if (values.replay !== undefined) {
      // Check the token here, where a mistake is a usage error, before any judging starts.
      const token = decodeToken(values.replay);
      if (token.problem !== problemId) throw new ReplayTokenError(`this replay token is for problem "${token.problem}", not "${problemId}"`);
    }
    const opts = { seed, schedules, strategy, replay: values.replay };
    const judgeOnce = async (): Promise<number> => {
      let result: ProblemResult;
      if (values['in-process']) {
        result = await judgeFile(problemId, file, opts);
      } else {
        const { memoryMb, wallClockMs } = problem.spec.limits;
        result = await judgeIsolated({ student: '', problemId, file, ...definedOnly(opts) }, limitsFor(memoryMb, wallClockMs));
      }
      if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      else process.stdout.write(`${formatRunResult(result, { color: useColor(process.stdout), fullTrace: values['full-trace'] === true, width: process.stdout.columns })}\n`);
      return result.verdict === 'AC' ? 0 : 1;
    };
    if (values.watch) return await watchFile(file, judgeOnce);
    return await judgeOnce();
  } catch (e) {
    if (e instanceof UsageError || e instanceof ProblemError) {
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
  }
}

/** `<problem> <file>`, or `<file>` alone with the problem found from its class name. */
function target(positionals: string[]): { problemId: string; file: string } {
  if (positionals.length === 0 || positionals.length > 2) {
    throw new UsageError(positionals.length === 0 ? 'which file? give a problem id and a file' : `too many arguments: ${positionals.join(' ')}`);
  }
  const file = positionals[positionals.length - 1];
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  if (!fs.statSync(file).isFile()) throw new UsageError(`not a file: ${file}`);
  if (positionals.length === 2) return { problemId: positionals[0], file };
  const problemId = problemForFile(file);
  if (!problemId) {
    const near = misnamedFiles([path.basename(file)], listProblems(), new Set())[0];
    if (near) throw new UsageError(`cannot tell the problem from the file name "${file}": did you mean ${near.expected}? (the file is named after the class; or give the problem id first: npx interleave run ${near.problemId} ${file})`);
    throw new UsageError(
      `cannot tell the problem from the file name "${file}": name the file after the class (FooBar.ts) or give the problem id first (${problemIds().join(', ')})`,
    );
  }
  return { problemId, file };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
