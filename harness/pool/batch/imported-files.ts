/**
 * The student's own files a solution imports (`import { helper } from './helper'`), followed
 * from file to file: they are part of the submission, compiled into it, so a report must not
 * list them as ignored. Read from the import specifiers in the source text, as esbuild resolves
 * relative ones (the extension may be left out, or name the compiled `.js`; a folder means its
 * `index`); the compile itself decides what is allowed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * One way only to match a run of spaces (`import\s*(?:\(\s*)?`, not `import\s*\(?\s*`, which
 * tried every split of the run between its two `\s*`: a file of `// import` and 200,000 spaces
 * held the whole grade up for half a minute per scan).
 */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*(?:\(\s*)?|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
const EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** The files `entry` imports, directly or through another of them (absolute paths, `entry` left out). */
export function importedFiles(entry: string): Set<string> {
  const found = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    let source: string;
    try {
      source = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const m of source.matchAll(SPECIFIER)) {
      const target = resolve(path.resolve(path.dirname(file), m[1]));
      if (target !== undefined && target !== entry && !found.has(target)) {
        found.add(target);
        todo.push(target);
      }
    }
  }
  return found;
}

function resolve(base: string): string | undefined {
  const stem = base.replace(/\.(m|c)?js$/, '');
  const candidates = [base, ...EXTENSIONS.map((e) => stem + e), ...EXTENSIONS.map((e) => path.join(base, `index${e}`))];
  return candidates.find((c) => {
    try {
      return fs.lstatSync(c).isFile();
    } catch {
      return false;
    }
  });
}
