/**
 * Where the package lives: found by walking up from this file to the folder whose package.json
 * is named "interleave-judge" (the npm package), so it works from the TypeScript sources (tests) and from dist/ alike.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The package's name on npm (`interleave` there is somebody else's); the command is `interleave`. */
export const PACKAGE_NAME = 'interleave-judge';

let root: string | null = null;

export function packageRoot(): string {
  if (root !== null) return root;
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).name === PACKAGE_NAME) return (root = dir);
      } catch {
        // not ours: keep walking
      }
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`interleave: cannot find the package root above ${__dirname}`);
    dir = up;
  }
}

/** The folder of problem packages. */
export function problemsDir(): string {
  return process.env.INTERLEAVE_PROBLEMS ?? path.join(packageRoot(), 'problems');
}
