/**
 * Joins the results of shards (`grade --shard I/N` on several machines) into one class: the
 * students of every shard, sorted as `grade` sorts them. Shards that were not graded alike cannot
 * be joined: a different problem set, seed or judge version would make one class's verdicts
 * incomparable, so that is refused, naming the folders that differ.
 */
import type { ClassResults, StudentResult } from '../../model/class-results';
import type { Shard } from './shard';

/** Shards that cannot be joined; the message says which differ and how. */
export class MergeError extends Error {
  override name = 'MergeError';
}

export interface ShardInput {
  /** Where it was read from, for messages. */
  from: string;
  results: ClassResults;
  /** Which share it holds (its shard.json), when it was graded with --shard. */
  shard?: Shard;
}

export function mergeShards(inputs: readonly ShardInput[]): ClassResults {
  if (inputs.length === 0) throw new MergeError('give the output folders of the shards to merge');
  const [first] = inputs;
  const same = (what: string, of: (i: ShardInput) => string): void => {
    const differing = inputs.filter((i) => of(i) !== of(first));
    if (differing.length === 0) return;
    const d = differing[0];
    throw new MergeError(
      `${d.from} was graded with ${what} ${of(d)}, ${first.from} with ${of(first)}: shards must be graded alike ` +
        '(the same problems, seed and judge version); grade the odd one again with the same options',
    );
  };
  same('the problems', (i) => i.results.problems.map((p) => `${p.id} (${p.maxScore} points)`).join(', '));
  same('seed', (i) => String(i.results.seed));
  same('judge version', (i) => i.results.run.judgeVersion);
  checkShares(inputs);

  const owner = new Map<string, string>();
  const students: StudentResult[] = [];
  for (const input of inputs) {
    for (const s of input.results.students) {
      const before = owner.get(s.student);
      if (before !== undefined) throw new MergeError(`student ${s.student} is in both ${before} and ${input.from}: each student must be in one shard only`);
      owner.set(s.student, input.from);
      students.push(s);
    }
  }
  students.sort((a, b) => a.student.localeCompare(b.student));
  return {
    version: first.results.version,
    // The class finished when its last shard did.
    generatedAt: inputs.map((i) => i.results.generatedAt).sort().at(-1)!,
    seed: first.results.seed,
    problems: first.results.problems,
    students,
    run: {
      // Shards run side by side: the class took as long as its slowest shard.
      durationMs: Math.max(...inputs.map((i) => i.results.run.durationMs)),
      workers: inputs.reduce((n, i) => n + i.results.run.workers, 0),
      judgeVersion: first.results.run.judgeVersion,
    },
  };
}

/** Shards of one split, each once, none missing; a folder graded whole joins no shards. */
function checkShares(inputs: readonly ShardInput[]): void {
  const sharded = inputs.filter((i) => i.shard);
  if (sharded.length === 0) return;
  const whole = inputs.find((i) => !i.shard);
  if (whole) throw new MergeError(`${whole.from} holds a whole class (graded without --shard); merge only the folders of one grade --shard I/N split`);
  const count = sharded[0].shard!.count;
  const other = sharded.find((i) => i.shard!.count !== count);
  if (other) throw new MergeError(`${other.from} is share ${other.shard!.index}/${other.shard!.count}, ${sharded[0].from} is ${sharded[0].shard!.index}/${count}: the shards come from two different splits`);
  const seen = new Map<number, string>();
  for (const i of sharded) {
    const twice = seen.get(i.shard!.index);
    if (twice) throw new MergeError(`${twice} and ${i.from} are both share ${i.shard!.index}/${count}; give each share once`);
    seen.set(i.shard!.index, i.from);
  }
  const missing = Array.from({ length: count }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (missing.length) {
    throw new MergeError(`share${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${count}`).join(', ')} missing: a merged class without ${missing.length > 1 ? 'them' : 'it'} would leave students out. Give the folders of all ${count} shares`);
  }
}
