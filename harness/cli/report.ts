/**
 * `npx interleave report <results.json> [--out dir]`: re-renders every report (results.json,
 * index.html, junit.xml, grades.csv) from a results file, without judging anything.
 *
 * Exit status: 0 when every report was written, 1 when some reporter failed (the others are
 * still written), 2 for a usage error or a results file that cannot be read or is invalid.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { formatClassSummary } from '../report/console';
import { describeFailures, writeReports } from '../report/reporter';
import { ResultsValidationError, validateResults } from '../model/validate';
import { EXIT_USAGE, UsageError, nonEmpty, parse } from './args';

export const REPORT_USAGE = `usage: npx interleave report <results.json> [--out <dir>]

Re-renders index.html, junit.xml, grades.csv and results.json from a results file.
  --out <dir>   where to write the reports (default: the folder of results.json)
  -h, --help    show this help`;

/** Where the command writes; tests pass their own. */
export interface ReportIO {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  env: Record<string, string | undefined>;
}

/** Runs the command; resolves to the process exit status. */
export async function reportCommand(argv: string[], io: ReportIO = { stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  let args: { file: string; out: string } | 'help';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`interleave report: ${e.message}\n\n${REPORT_USAGE}\n`);
    return EXIT_USAGE;
  }
  if (args === 'help') {
    io.stdout.write(`${REPORT_USAGE}\n`);
    return 0;
  }

  let results;
  try {
    results = validateResults(await readJson(args.file));
  } catch (e) {
    const why = e instanceof ResultsValidationError ? `${args.file}: ${e.message}` : (e as Error).message;
    io.stderr.write(`interleave report: ${why}\n`);
    return 2;
  }

  const outcome = await writeReports(results, args.out);
  const color = !!io.stdout.isTTY && !io.env.NO_COLOR;
  io.stdout.write(formatClassSummary(results, { color }));
  io.stdout.write(`\nwrote ${outcome.written.map((f) => path.relative(process.cwd(), f) || f).join(', ') || 'nothing'}\n`);
  if (outcome.failed.length) {
    io.stderr.write(`interleave report: ${describeFailures(outcome.failed)}\n`);
    return 1;
  }
  return 0;
}

function parseArgs(argv: string[]): { file: string; out: string } | 'help' {
  const { values, positionals: files } = parse(argv, { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } }, { out: 'a folder' });
  if (values.help) return 'help';
  const out = nonEmpty('out', values.out, 'a folder');
  if (files.length === 0) throw new UsageError('missing the results file (results.json written by `interleave grade`)');
  if (files.length > 1) throw new UsageError(`expected one results file, got ${files.length}: ${files.join(' ')}`);
  return { file: files[0], out: out ?? path.dirname(files[0]) };
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file} is a folder; pass its results.json` : `${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file} is not JSON: ${(e as Error).message}`);
  }
}
