/** The options of `interleave grade`, parsed and checked; a mistake is a UsageError (exit 2). */
import * as os from 'node:os';
import { UsageError, intFlag, nonEmpty, numberFlag, parse } from './args';
import { parseShard, type Shard } from '../pool/batch/shard';

export const GRADE_USAGE = `usage: interleave grade <submissions-dir> [options]

  <submissions-dir>    one folder per student: <student>/<ClassName>.ts (or .js), or a GitHub
                       Classroom export (one repository folder per student)
  --out DIR            where results.json and the reports go (default: reports)
  --workers N          judge N files at once (default: the number of cores)
  --problems ID,...    grade only these problems
  --seed N             the seed of every job (default: the judge's)
  --fresh              start over instead of resuming from <out>/.journal.jsonl
  --memory MB          memory limit of one job (default: each problem's)
  --job-timeout S      time limit of one job in seconds of CPU time (default: each problem's)
  --shard I/N          grade only share I of N of the students (1/3, 2/3, 3/3: each student in
                       exactly one share, chosen by a hash of the name); join the shares' output
                       folders with \`interleave merge\`
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
  shard?: Shard;
}

/** The options, or 'help' for -h/--help. Throws {@link UsageError}. */
export function parseGradeArgs(argv: readonly string[]): GradeArgs | 'help' {
  const { values, positionals } = parse([...argv], {
    out: { type: 'string' },
    workers: { type: 'string' },
    problems: { type: 'string' },
    seed: { type: 'string' },
    fresh: { type: 'boolean' },
    memory: { type: 'string' },
    'job-timeout': { type: 'string' },
    shard: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('give the folder of submissions to grade');
  if (positionals.length > 1) throw new UsageError(`one submissions folder at a time (got ${positionals.join(', ')})`);
  const timeout = numberFlag('job-timeout', values['job-timeout'], 0.1);
  const args: GradeArgs = {
    dir: positionals[0],
    out: nonEmpty('out', values.out) ?? 'reports',
    workers: intFlag('workers', values.workers, 1) ?? Math.max(1, os.availableParallelism()),
    problems: nonEmpty('problems', values.problems)?.split(',').map((s) => s.trim()).filter(Boolean),
    seed: intFlag('seed', values.seed, 0),
    fresh: values.fresh === true,
    memoryMb: intFlag('memory', values.memory, 32),
    jobTimeoutMs: timeout === undefined ? undefined : Math.round(timeout * 1000),
  };
  const shard = nonEmpty('shard', values.shard);
  if (shard !== undefined) {
    const parsed = parseShard(shard);
    if (typeof parsed === 'string') throw new UsageError(`--shard ${parsed}`);
    args.shard = parsed;
  }
  return args;
}

export { UsageError };
