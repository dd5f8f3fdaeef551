/**
 * `interleave run` starts the sandbox worker first and compiles the file while it boots; on two
 * cores the grader's own start-up competes with the worker's, so the grader loads only what
 * compiling needs (bench:cold measures it). The loading half of a language (the judge's edits,
 * SES, the runtime, the Python runner) runs in the worker and is required lazily: a static import
 * of it from the grader's path would load it in every `interleave run` again, unnoticed.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const HARNESS = path.join(__dirname, '..', '..', 'harness');

/** Every harness file `entry` loads through static imports (type-only imports load nothing). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const todo = [path.join(HARNESS, entry)];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
      if (m[2]) continue;
      const base = path.resolve(path.dirname(file), m[3]);
      const target = [`${base}.ts`, path.join(base, 'index.ts')].find((f) => existsSync(f));
      if (target) todo.push(target);
    }
  }
  return new Set([...seen].map((f) => path.relative(HARNESS, f).split(path.sep).join('/')));
}

const GRADER_ENTRIES = ['cli/run.ts', 'pool/precompile.ts', 'loader/index.ts'];
const WORKER_ONLY = ['loader/typescript-load.ts', 'loader/instrument.ts', 'loader/evaluate.ts', 'loader/python/load.ts', 'loader/python/run.ts', 'sync/index.ts'];

test.each(GRADER_ENTRIES)('%s does not load the loading half of a language (the worker runs it)', (entry) => {
  const loaded = staticClosure(entry);
  expect(loaded.has('loader/compile.ts') || entry === 'cli/run.ts').toBe(true); // the walk follows imports
  expect(WORKER_ONLY.filter((f) => loaded.has(f))).toEqual([]);
});

test('the walk finds the loading half where it is imported', () => {
  const loaded = staticClosure('loader/typescript-load.ts');
  expect(loaded.has('loader/instrument.ts')).toBe(true);
  expect(loaded.has('sync/index.ts')).toBe(true);
});
