/** Finding files that ship beside the code rather than inside dist/ (the report templates). */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/**
 * The folder holding Interleave's package.json, found by walking up from this file: the same
 * answer from harness/report (tests, ts sources) and from dist/harness/report (compiled).
 */
export function packageRoot(): string {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === 'interleave') return (cached = dir);
    if (path.dirname(dir) === dir) throw new Error(`cannot find Interleave's package.json above ${__dirname}`);
  }
}

/** tsc copies only .js into dist/, so templates are read from the source tree. */
export function templatesDir(): string {
  return path.join(packageRoot(), 'harness', 'report', 'templates');
}

function readName(manifest: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
  } catch {
    return undefined;
  }
}
