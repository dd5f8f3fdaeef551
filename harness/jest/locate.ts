/**
 * Where the learner's file is: a path in `judge('foobar', './FooBar.ts')` is relative to the test
 * file, as an import would be; the judge runs from the project's folder (the nearest package.json),
 * so the replay command it prints can be pasted there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Located {
  /** The project folder: where the judge runs and where the replay command works. */
  cwd: string;
  /** The file relative to `cwd` (absolute when outside it). */
  file: string;
  /** The absolute path. */
  abs: string;
}

/** Resolves `file` against the folder of `testPath` (or the working folder when jest does not say). */
export function locate(file: string, testPath: string | undefined): Located {
  const base = testPath ? path.dirname(testPath) : process.cwd();
  const abs = path.resolve(base, file);
  const cwd = projectRoot(base);
  const rel = path.relative(cwd, abs);
  return { cwd, abs, file: rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel };
}

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}
