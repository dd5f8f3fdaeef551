/**
 * `npx interleave merge <dir>… --out DIR`: joins the output folders of `grade --shard I/N` runs
 * into one results.json and its reports (index.html, junit.xml, grades.csv), as if the class had
 * been graded on one machine.
 *
 * Exit status: 0 when every report was written, 1 when some reporter failed, 2 for a usage error
 * or shards that cannot be joined (different problems, seed or judge version; a share missing).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { MergeError, mergeShards, type ShardInput } from '../pool/batch/merge';
import { SHARD_FILE, parseShard } from '../pool/batch/shard';
import { formatClassSummary } from '../report/console';
import { describeFailures, writeReports } from '../report/reporter';
import { ResultsValidationError, validateResults } from '../model/validate';
import { EXIT_USAGE, UsageError, nonEmpty, parse } from './args';

export const MERGE_USAGE = `usage: npx interleave merge <shard-dir>… --out DIR

Joins the output folders of \`interleave grade --shard I/N\` (one per share, each holding its
results.json and shard.json) into one results.json, index.html, junit.xml and grades.csv.
Shards graded with different problems, seeds or judge versions are refused, and so is a split
with a share missing.
  --out DIR     where the merged reports go (required)
  -h, --help    show this help`;

export interface MergeIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
}

export async function mergeCommand(argv: string[], io: MergeIO = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let dirs: string[];
  let out: string;
  try {
    const { values, positionals } = parse(argv, { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      io.stdout.write(`${MERGE_USAGE}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('give the output folders of the shards to merge');
    const given = nonEmpty('out', values.out, 'a folder');
    if (given === undefined) throw new UsageError('--out DIR is required: the folder for the merged reports');
    dirs = positionals;
    out = given;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`interleave merge: ${e.message}\n\n${MERGE_USAGE}\n`);
    return EXIT_USAGE;
  }
  let merged;
  try {
    const inputs = await Promise.all(dirs.map(readShard));
    merged = mergeShards(inputs);
  } catch (e) {
    if (!(e instanceof MergeError || e instanceof ShardReadError)) throw e;
    io.stderr.write(`interleave merge: ${e.message}\n`);
    return EXIT_USAGE;
  }
  const outcome = await writeReports(merged, path.resolve(out));
  io.stdout.write(formatClassSummary(merged, { color: !!io.stdout.isTTY && !io.env.NO_COLOR }));
  io.stdout.write(`\nmerged ${dirs.length} shard${dirs.length === 1 ? '' : 's'}: ${merged.students.length} student${merged.students.length === 1 ? '' : 's'}\n`);
  io.stdout.write(`wrote ${outcome.written.map((f) => path.relative(process.cwd(), f) || f).join(', ') || 'nothing'}\n`);
  if (outcome.failed.length) {
    io.stderr.write(`interleave merge: ${describeFailures(outcome.failed)}\n`);
    return 1;
  }
  return 0;
}

class ShardReadError extends Error {}

/** A shard's results.json (validated) and shard.json. */
async function readShard(dir: string): Promise<ShardInput> {
  const file = dir.endsWith('.json') ? dir : path.join(dir, 'results.json');
  const folder = path.dirname(file);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ShardReadError(code === 'ENOENT' ? `${file}: no such file; give the --out folder of each \`interleave grade --shard\`` : `${file}: ${(e as Error).message}`);
  }
  let results;
  try {
    results = validateResults(JSON.parse(text));
  } catch (e) {
    throw new ShardReadError(`${file}: ${e instanceof ResultsValidationError || e instanceof SyntaxError ? e.message : String(e)}`);
  }
  const input: ShardInput = { from: folder, results };
  let shardText: string | undefined;
  try {
    shardText = await fs.readFile(path.join(folder, SHARD_FILE), 'utf8');
  } catch {
    return input; // graded whole
  }
  const share = (JSON.parse(shardText) as { shard?: { index?: unknown; count?: unknown } }).shard;
  const parsed = parseShard(`${share?.index}/${share?.count}`);
  if (typeof parsed === 'string') throw new ShardReadError(`${path.join(folder, SHARD_FILE)} is damaged: ${parsed}`);
  input.shard = parsed;
  return input;
}
