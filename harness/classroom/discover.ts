/**
 * Finding the solution files in an assignment repository: every file named after a problem's
 * class (`FooBar.ts`), outside node_modules and dot folders (.git, .github).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The file types the loader compiles. */
const SOURCE = /\.(ts|js|mts|cts|mjs|cjs)$/;
/** A repository is small; a walk this long means the command ran in the wrong folder. */
const MAX_ENTRIES = 50_000;

export interface FoundFile {
  problemId: string;
  /** Absolute path. */
  file: string;
}

/**
 * Every file under `root` whose name (without extension) is a class name in `classes`
 * (class name → problem id), in a stable order: shallower paths first, then by path. Symbolic
 * links are not followed.
 */
export function findSolutionFiles(root: string, classes: ReadonlyMap<string, string>): FoundFile[] {
  const found: FoundFile[] = [];
  const queue = [root];
  let seen = 0;
  while (queue.length > 0) {
    const dir = queue.shift()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable: not the learner's solution folder
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (++seen > MAX_ENTRIES) return found;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) queue.push(path.join(dir, e.name));
      } else if (e.isFile() && SOURCE.test(e.name)) {
        const problemId = classes.get(e.name.replace(SOURCE, ''));
        if (problemId) found.push({ problemId, file: path.join(dir, e.name) });
      }
    }
  }
  return found;
}
