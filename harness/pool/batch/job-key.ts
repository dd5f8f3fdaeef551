/**
 * What identifies a job across runs of `grade`: the student, the problem, the submission's
 * content and the seed, plus the settings that could change its verdict (judge version, limits).
 * A job whose key is in the journal is not judged again.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularSync } from '../regular-files';

export interface JobIdentity {
  student: string;
  problemId: string;
  /** {@link submissionHash} of the file. */
  contentHash: string;
  seed: number;
  /** Everything else a verdict depends on, as one string (judge version, limits). */
  settings: string;
}

export function jobKey(id: JobIdentity): string {
  return createHash('sha256')
    .update(JSON.stringify([id.student, id.problemId, id.contentHash, id.seed, id.settings]))
    .digest('hex')
    .slice(0, 32);
}

const SOURCE = /\.(ts|js|mts|cts|mjs|cjs|json)$/;
const MAX_DEPTH = 4;

/**
 * A hash of the file and of every source file it could import: the judge bundles a solution's own
 * helper files (`./helper`) from its folder, so a changed helper must change the key. Links are
 * hashed as links, never followed; only regular files are read (a pipe is never opened), each at
 * most MAX_SOURCE_BYTES of it. A file that cannot be read is hashed by its name and the reason:
 * the job then gets its verdict from the sandbox, which refuses it with a message.
 */
export function submissionHash(file: string): string {
  const hash = createHash('sha256').update(readOrWhy(file));
  const root = path.dirname(file);
  const visit = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.name.startsWith('.') || e.name === 'node_modules' || full === file) continue;
      if (e.isSymbolicLink()) hash.update(`\0link ${path.relative(root, full)} ${fs.readlinkSync(full)}`);
      else if (e.isDirectory() && depth < MAX_DEPTH) visit(full, depth + 1);
      else if (e.isFile() && SOURCE.test(e.name)) hash.update(`\0file ${path.relative(root, full)}\0`).update(readOrWhy(full));
    }
  };
  visit(root, 0);
  return hash.digest('hex');
}

function readOrWhy(file: string): Buffer | string {
  try {
    return readRegularSync(file);
  } catch (e) {
    return `\0unreadable ${(e as Error).message}`;
  }
}
