/**
 * `interleave problems` lists the problem packages; `interleave show <id>` prints one's statement
 * (and, with --template, the starter file a learner fills in); `interleave api` prints the
 * reference of `interleave/sync` (docs/sync-api.md), which every statement points to.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProblem, problemIds, ProblemError } from '../judge/problems';
import { packageRoot, problemsDir } from '../paths';
import { runnerCommand } from '../report/replay';
import { EXIT_USAGE, UsageError, hint, parse } from './args';

export const PROBLEMS_USAGE = `usage: npx interleave problems [--json]

Lists the problems: id, the class (and so the file name) a solution must have, title, points.
  --json   print them as JSON`;

export const SHOW_USAGE = `usage: npx interleave show <problem-id> [--template [--python]]

Prints a problem's statement (statement.md), then where the interleave/sync reference is (npx interleave api).
  --template   print the starter file (template.ts) instead: npx interleave show foobar --template > FooBar.ts
  --python     with --template, the Python starter (the statement's Python class): npx interleave show foobar --template --python > FooBar.py`;

export const API_USAGE = `usage: npx interleave api

Prints the reference of interleave/sync (docs/sync-api.md in the package), what a TypeScript or
JavaScript solution imports: every class and function, its methods, which calls to await, what
throws, and the Python name of each.`;

/** The reference of interleave/sync, as the package ships it. */
export function syncApiFile(): string {
  return path.join(packageRoot(), 'docs', 'sync-api.md');
}

/**
 * The line that ends a statement: where a TypeScript or JavaScript learner reads the API, with the
 * command as it works here and the file as reachable from here (inside this folder: relative).
 */
export function syncApiPointer(cwd = process.cwd()): string {
  const file = syncApiFile();
  const rel = path.relative(cwd, file);
  const shown = rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
  return `The interleave/sync API for TypeScript/JavaScript (what to await, what throws): ${runnerCommand()} api, or ${shown}`;
}

export async function apiCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, { help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${API_USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new UsageError(`api takes no arguments, got ${positionals.join(' ')}`);
    process.stdout.write(fs.readFileSync(syncApiFile(), 'utf8'));
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`interleave api: ${e.message}\n\n${API_USAGE}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

export async function problemsCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${PROBLEMS_USAGE}\n`);
      return 0;
    }
    if (positionals.length) throw new UsageError(`problems takes no arguments, got ${positionals.join(' ')}; to read one, npx interleave show ${positionals[0]}`);
    const dir = problemsDir();
    const rows = problemIds(dir).map((id) => {
      const { spec } = loadProblem(id, dir);
      return { id, className: spec.className, file: `${spec.className}.ts`, title: spec.title, points: spec.cases.reduce((s, c) => s + c.points, 0), cases: spec.cases.length };
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ folder: dir, problems: rows }, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      process.stdout.write(`no problem packages in ${dir} (expected ${dir}/<id>/problem.json); npx interleave new <id> makes one\n`);
      return 0;
    }
    const table = [['id', 'file', 'title', 'points'], ...rows.map((r) => [r.id, r.file, r.title, `${r.points} (${r.cases} case${r.cases === 1 ? '' : 's'})`])];
    const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
    process.stdout.write(table.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n');
    process.stdout.write(`\nfrom ${dir}\nnpx interleave show <id> prints a statement; npx interleave run <id> <File>.ts judges a solution\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`interleave problems: ${e.message}\n\n${PROBLEMS_USAGE}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof ProblemError) {
      process.stderr.write(`interleave problems: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

/**
 * The Python starter: the statement's ```python block, the class with its methods' signatures
 * (valid Python: each body is `...`). A statement without one has no Python starter: a ProblemError.
 */
function pythonStarter(dir: string, id: string): string {
  const statement = fs.readFileSync(path.join(dir, id, 'statement.md'), 'utf8');
  const block = /^```python\n([\s\S]*?)^```/m.exec(statement)?.[1];
  if (block === undefined) throw new ProblemError(`${id}'s statement has no Python class to start from; write the class its TypeScript template shows (npx interleave show ${id} --template), with snake_case method names`);
  return block;
}

export async function showCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, { template: { type: 'boolean' }, python: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${SHOW_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which problem? npx interleave problems lists them' : `one problem at a time, got ${positionals.join(' ')}`);
    const id = positionals[0];
    const dir = problemsDir();
    const ids = problemIds(dir);
    if (!ids.includes(id)) {
      // `show sync` (or `show api`) is a learner looking for the reference: say where it is.
      const api = /^(interleave\/)?(sync|api)$/.test(id) ? `; the interleave/sync reference is ${runnerCommand()} api` : '';
      throw new UsageError(`unknown problem "${id}"${hint(id, ids)}; the problems are: ${ids.join(', ') || '(none)'}${api}`);
    }
    if (values.python && !values.template) throw new UsageError('--python goes with --template: npx interleave show ' + id + ' --template --python');
    if (values.python) {
      process.stdout.write(pythonStarter(dir, id));
      return 0;
    }
    const file = path.join(dir, id, values.template ? 'template.ts' : 'statement.md');
    if (!fs.existsSync(file)) {
      process.stderr.write(`interleave show: ${id} has no ${path.basename(file)}\n`);
      return 1;
    }
    const text = fs.readFileSync(file, 'utf8');
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    if (!values.template) {
      if (process.stdout.isTTY) {
        const { spec } = loadProblem(id, dir);
        process.stdout.write(`\nWrite ${spec.className}.ts (npx interleave show ${id} --template > ${spec.className}.ts), then: npx interleave run ${id} ${spec.className}.ts\n`);
      }
      // Every statement ends so: its own text shows only the import line.
      process.stdout.write(`\n${syncApiPointer()}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`interleave show: ${e.message}\n\n${SHOW_USAGE}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof ProblemError) {
      process.stderr.write(`interleave show: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
