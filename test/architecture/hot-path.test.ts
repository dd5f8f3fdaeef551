/**
 * The modules a scheduling step runs through keep their exports object in V8's fast mode. tsc's
 * CommonJS output writes `exports.x = void 0` for a name the module re-exports from another
 * module, then redefines it as a getter: V8 turns that exports object into a dictionary, and
 * every call through it (`op_1.done(…)`, several a step) becomes a generic lookup that optimized
 * code cannot inline. sync/op.ts re-exporting STILL_WAITING cost 9% of a step
 * (`npm run bench:scheduler -- --instructions`). Checked on the compiled judge (`npm test` builds
 * it first), with V8's own test of an object's mode.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const DIST = path.join(__dirname, '..', '..', 'dist', 'harness');

/** What a run of learner code calls at every step: the kernel, the primitives, the run's arguments. */
const HOT_FOLDERS = ['scheduler', 'sync', 'judge/args', 'strategies'];

function hotModules(): string[] {
  return HOT_FOLDERS.flatMap((folder) =>
    readdirSync(path.join(DIST, folder))
      // An index only re-exports (read once, when a module is loaded): the learner's `interleave/sync` is a hardened copy.
      .filter((f) => f.endsWith('.js') && f !== 'index.js')
      .map((f) => path.join(DIST, folder, f)),
  );
}

/** The modules whose exports object V8 holds as a dictionary. */
function dictionaryModules(files: string[]): string[] {
  const script = `
    const slow = [];
    for (const f of JSON.parse(process.argv[1])) if (!%HasFastProperties(require(f))) slow.push(f);
    process.stdout.write(JSON.stringify(slow));`;
  const out = execFileSync(process.execPath, ['--allow-natives-syntax', '-e', script, JSON.stringify(files)], { encoding: 'utf8' });
  return (JSON.parse(out) as string[]).map((f) => path.relative(DIST, f));
}

test('every module a scheduling step runs through keeps a fast exports object (no re-export of an import beside its own exports)', () => {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npm run build\` before this test`);
  const files = hotModules();
  expect(files.length).toBeGreaterThan(20); // the scan found the compiled modules
  expect(dictionaryModules(files)).toEqual([]);
});

test('the check itself tells a dictionary-mode exports object (a module that re-exports an import)', () => {
  // judge/threads.ts re-exports learnerCopy and plainCopy beside its own functions: once per run, not per step.
  expect(dictionaryModules([path.join(DIST, 'judge', 'threads.js')])).toEqual(['judge/threads.js']);
});
