/**
 * The Node options a sandbox worker starts with: Node's permission model (reads limited to the
 * judge's own files; no writes, child processes, worker threads, native addons or WASI), a heap
 * limit, and whether V8 may use helper threads.
 * A worker never needs to read a submission: the parent passes it the source text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot, problemsDir } from '../paths';
import { RUNNER_ENV } from './runner';

/** Folders of a problem package that a worker must never read (known solutions). */
const SECRET_FOLDERS = new Set(['solutions']);

/**
 * Everything a worker may read: the compiled judge, its dependencies, and each problem package
 * except its `solutions/` folders (listed entry by entry, since a folder grant covers all below it).
 */
export function readablePaths(root = packageRoot(), extra: readonly string[] = []): string[] {
  const paths = [
    path.join(root, 'package.json'),
    // Under the permission model, fs.existsSync throws for a path it may not read (Node 20), and
    // the judge's packageRoot() probes this one on its way up from dist/harness.
    path.join(root, 'dist', 'package.json'),
    path.join(root, 'dist', 'harness') + path.sep,
    path.join(root, 'node_modules') + path.sep,
    // Installed as a dependency, the judge's own dependencies are hoisted beside it.
    ...dependencyFolders(root),
  ];
  for (const problems of new Set([problemsDir(), path.join(root, 'problems'), path.join(root, 'dist', 'problems')])) {
    paths.push(...problemEntries(problems));
  }
  // Each path once: Node 20 aborts at start-up (an assertion in its permission tree) on a repeated one.
  return [...new Set([...paths, ...extra].flatMap(withRealPath))];
}

/**
 * A path and, where a symbolic link leads elsewhere, the real one too: Node's permission model
 * checks the path a module is loaded from, which `require` resolves through links, so a
 * `node_modules` that is a link (a shared or pnpm-made one, a checkout's linked to another's) was
 * refused at the first `require` and every job was a JE.
 */
function withRealPath(p: string): string[] {
  const dir = p.endsWith(path.sep);
  const out = [p];
  // Each link of a chain is read on the way (a link to a checkout whose node_modules is a link itself).
  let at = dir ? p.slice(0, -1) : p;
  for (let hops = 0; hops < 40; hops++) {
    let target: string;
    try {
      if (!fs.lstatSync(at).isSymbolicLink()) break;
      target = path.resolve(path.dirname(at), fs.readlinkSync(at));
    } catch {
      break;
    }
    out.push(dir ? target + path.sep : target);
    at = target;
  }
  try {
    const real = fs.realpathSync(p) + (dir ? path.sep : '');
    if (!out.includes(real)) out.push(real);
  } catch {
    // Not there (yet): the path as given.
  }
  return out;
}

/**
 * The `node_modules` folders the judge's dependencies are found in, as Node finds them (walking
 * up from the package): when the judge is installed in a project (`npm i interleave-judge`), npm
 * hoists `ses`, `tinypool`, … to the project's `node_modules`, outside the package's own folder.
 */
function dependencyFolders(root: string): string[] {
  let deps: string[];
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    deps = Object.keys(pkg.dependencies ?? {});
  } catch {
    return [];
  }
  const out = new Set<string>();
  for (const dep of deps) {
    for (let dir = root; ; dir = path.dirname(dir)) {
      const modules = path.join(dir, 'node_modules');
      if (fs.existsSync(path.join(modules, dep, 'package.json'))) {
        out.add(modules + path.sep);
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
  }
  return [...out];
}

function problemEntries(problemsDir: string): string[] {
  const out: string[] = [];
  for (const problem of safeReaddir(problemsDir)) {
    if (!problem.isDirectory()) continue;
    const dir = path.join(problemsDir, problem.name);
    for (const entry of safeReaddir(dir)) {
      if (SECRET_FOLDERS.has(entry.name)) continue;
      out.push(path.join(dir, entry.name) + (entry.isDirectory() ? path.sep : ''));
    }
  }
  return out;
}

function safeReaddir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * The `execArgv` of a sandbox worker. `singleThreaded`: V8 does its garbage collection and
 * optimizing compiles on the worker's own thread instead of helper threads (see sandbox.ts).
 */
export function sandboxExecArgv(opts: { heapMb: number; readable: readonly string[]; singleThreaded?: boolean }): string[] {
  return [
    '--experimental-permission',
    ...opts.readable.map((p) => `--allow-fs-read=${p}`),
    `--max-old-space-size=${opts.heapMb}`,
    // The worker measures what a job left behind (worker.ts); learner code never sees `gc`.
    '--expose-gc',
    ...(opts.singleThreaded ? ['--single-threaded'] : []),
    // The permission model's "experimental" warning would reach the grader's stderr.
    '--no-warnings',
  ];
}

/**
 * The environment of a sandbox worker: nothing from the grader's (no tokens, no PATH, no HOME);
 * only the runner to load, the problems folder, and a fixed time zone and locale so that verdicts
 * do not depend on the machine.
 */
export function sandboxEnv(runner: string): Record<string, string> {
  // The parent's problems folder, so that the worker loads the very problems the parent compiled.
  return { [RUNNER_ENV]: runner, INTERLEAVE_PROBLEMS: problemsDir(), TZ: 'UTC', LANG: 'C' };
}
