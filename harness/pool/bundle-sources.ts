/**
 * What esbuild bundled must come from the submission's own folder. The loader's import policy
 * checks import paths as written, but esbuild follows symbolic links, and a repository cloned
 * from GitHub keeps them: `peer.ts -> ../../hw-bob/src/Foo.ts`, or a link to a shipped solution,
 * would hand a student someone else's code. The source map lists every file really read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Why the bundle may not be judged, or null when every file in it lies in the submission's folder. */
export function foreignSource(entryFile: string, mapJson: string): string | null {
  const root = path.dirname(path.resolve(entryFile));
  const realRoot = real(root);
  const sources = (JSON.parse(mapJson) as { sources?: string[] }).sources ?? [];
  for (const source of sources) {
    const file = real(path.resolve(root, source));
    if (file !== realRoot && !file.startsWith(realRoot + path.sep)) {
      return (
        `${path.basename(entryFile)} brings in ${path.relative(root, path.resolve(root, source)) || source}, which lies ` +
        "outside the submission's folder (through a symbolic link?): submit your own files, not links to others"
      );
    }
  }
  return null;
}

function real(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}
