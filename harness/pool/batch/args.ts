/** The options of `interleave grade`, parsed and checked; a mistake is a UsageError (exit 2). */
import * as os from 'node:os';

export const GRADE_USAGE = `usage: interleave grade <submissions-dir> [options]

  <submissions-dir>    one folder per student: <student>/<ClassName>.ts (or .js), or a GitHub
                       Classroom export (one repository folder per student)
  --out DIR            where results.json and the reports go (default: reports)
  --workers N          judge N files at once (default: the number of cores)
  --problems ID,...    grade only these problems
  --seed N             the seed of every job (default: the judge's)
  --fresh              start over instead of resuming from <out>/.journal.jsonl
  --memory MB          memory limit of one job (default: each problem's)
  --job-timeout S      wall-clock limit of one job in seconds (default: each problem's)
  -h, --help           show this help

Exit status: 0 when grading completed, whatever the verdicts; 1 when the grader itself failed
(a report could not be written); 2 for a usage error.`;

export interface GradeArgs {
  dir: string;
  out: string;
  workers: number;
  problems?: string[];
  seed?: number;
  fresh: boolean;
  memoryMb?: number;
  jobTimeoutMs?: number;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

const VALUED = new Set(['--out', '--workers', '--problems', '--seed', '--memory', '--job-timeout']);

/** The options, or 'help' for -h/--help. Throws {@link UsageError}. */
export function parseGradeArgs(argv: readonly string[]): GradeArgs | 'help' {
  if (argv.includes('-h') || argv.includes('--help')) return 'help';
  const positional: string[] = [];
  const values = new Map<string, string>();
  let fresh = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (name === '--fresh' && eq < 0) {
      fresh = true;
    } else if (VALUED.has(name)) {
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
      values.set(name, value);
    } else {
      throw new UsageError(`unknown option ${name}`);
    }
  }
  if (positional.length === 0) throw new UsageError('give the folder of submissions to grade');
  if (positional.length > 1) throw new UsageError(`one submissions folder at a time (got ${positional.join(', ')})`);
  const timeout = number(values, '--job-timeout', 0.1);
  return {
    dir: positional[0],
    out: values.get('--out') ?? 'reports',
    workers: integer(values, '--workers', 1) ?? Math.max(1, os.availableParallelism()),
    problems: values.get('--problems')?.split(',').map((s) => s.trim()).filter(Boolean),
    seed: integer(values, '--seed', 0),
    fresh,
    memoryMb: integer(values, '--memory', 32),
    jobTimeoutMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
  };
}

function integer(values: Map<string, string>, name: string, min: number): number | undefined {
  const n = number(values, name, min);
  if (n !== undefined && !Number.isSafeInteger(n)) throw new UsageError(`${name} must be a whole number (got ${values.get(name)})`);
  return n;
}

function number(values: Map<string, string>, name: string, min: number): number | undefined {
  const raw = values.get(name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new UsageError(`${name} must be a number of at least ${min} (got ${raw})`);
  return n;
}
