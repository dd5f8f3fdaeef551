/**
 * Grading a class on several machines: `grade --shard I/N` judges share I of N of the students.
 * A student's share is a hash of their name, so it depends on nothing else: adding or removing
 * students never moves another student to a different share, every machine agrees without
 * talking to the others, and each student is graded exactly once over the N shares.
 */
import { createHash } from 'node:crypto';

/** Share `index` (1-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The file in a shard's output folder that says which share it holds (results.json stays as `grade` writes it). */
export const SHARD_FILE = 'shard.json';

/** `2/3` → { index: 2, count: 3 }; a string saying what is wrong otherwise. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `takes I/N, the share and the number of shares, such as 1/4 (got "${text}")`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 10_000) return `needs between 1 and 10000 shares (got ${count})`;
  if (index < 1 || index > count) return `share ${index} does not exist: with ${count} shares, I is 1 to ${count}`;
  return { index, count };
}

/** The share (1-based) a student belongs to, out of `count`. */
export function shardOf(student: string, count: number): number {
  const h = createHash('sha256').update(student, 'utf8').digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/** Whether `student` is graded in `shard` (every student is, without shards). */
export function inShard(student: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(student, shard.count) === shard.index;
}
