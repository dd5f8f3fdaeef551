/**
 * `interleave problems` lists the problem packages; `interleave show <id>` prints one's statement
 * (and, with --template, the starter file a learner fills in).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProblem, problemIds, ProblemError } from '../judge/problems';
import { problemsDir } from '../paths';
import { EXIT_USAGE, UsageError, hint, parse } from './args';

export const PROBLEMS_USAGE = `usage: npx interleave problems [--json]

Lists the problems: id, the class (and so the file name) a solution must have, title, points.
  --json   print them as JSON`;

export const SHOW_USAGE = `usage: npx interleave show <problem-id> [--template]

Prints a problem's statement (statement.md).
  --template   print the starter file (template.ts) instead: npx interleave show foobar --template > FooBar.ts`;

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

export async function showCommand(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv, { template: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) {
      process.stdout.write(`${SHOW_USAGE}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'which problem? npx interleave problems lists them' : `one problem at a time, got ${positionals.join(' ')}`);
    const id = positionals[0];
    const dir = problemsDir();
    const ids = problemIds(dir);
    if (!ids.includes(id)) throw new UsageError(`unknown problem "${id}"${hint(id, ids)}; the problems are: ${ids.join(', ') || '(none)'}`);
    const file = path.join(dir, id, values.template ? 'template.ts' : 'statement.md');
    if (!fs.existsSync(file)) {
      process.stderr.write(`interleave show: ${id} has no ${path.basename(file)}\n`);
      return 1;
    }
    const text = fs.readFileSync(file, 'utf8');
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    if (!values.template && process.stdout.isTTY) {
      const { spec } = loadProblem(id, dir);
      process.stdout.write(`\nWrite ${spec.className}.ts (npx interleave show ${id} --template > ${spec.className}.ts), then: npx interleave run ${id} ${spec.className}.ts\n`);
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
