/**
 * The seam every output sits behind, and the multiplexer that runs them: one broken reporter
 * must not cost the instructor the others (playwright's reporters work the same way). A reporter
 * reports on a graded class (`grade`, `report`, `merge`: files in a folder), on one judged file
 * (`run --format NAME`: text), or both; the registry of names is reporters.ts.
 */
import { promises as fs } from 'node:fs';
import type { ProblemResult } from '../model/result';
import type { ClassResults } from '../model/class-results';
import { defaultReporters } from './reporters';
import { validateResults } from '../model/validate';

/** How text for one run is drawn. */
export interface RunTextOptions {
  color: boolean;
  /** Every step of the trace, not only the last ones. */
  fullTrace?: boolean;
  /** The terminal's width, when known. */
  width?: number;
}

/** One output: html, junit, csv, json, console. */
export interface Reporter {
  /** Short and stable: shown when it fails, and usable as a CLI choice. */
  readonly name: string;
  /**
   * A graded class: writes this reporter's files into `outDir` (which exists) and returns their
   * paths. Receives results that were already validated; must not change them.
   */
  render?(results: ClassResults, outDir: string): Promise<string[]>;
  /** One judged file: the text `interleave run --format <name>` prints. */
  formatRun?(result: ProblemResult, opts: RunTextOptions): string;
  /**
   * A graded class handed elsewhere than into a folder: the terminal, GitHub's step output and
   * job summary, Gradescope's results file (`classroom`'s outputs). Returns what it wrote to.
   */
  publish?(results: ClassResults): Promise<string[]>;
}

/** A reporter that reports on one run. */
export type RunReporter = Reporter & Required<Pick<Reporter, 'formatRun'>>;
/** A reporter that writes a class's files. */
export type ClassReporter = Reporter & Required<Pick<Reporter, 'render'>>;

export interface ReporterFailure {
  reporter: string;
  error: Error;
}

export interface ReportOutcome {
  /** Every file written, in reporter order. */
  written: string[];
  /** Reporters that threw; the others still ran. The caller picks the exit status. */
  failed: ReporterFailure[];
}

/**
 * Validates `results` (throwing before anything is written), creates `outDir`, then runs each
 * reporter in turn, collecting what each wrote or why it failed.
 * @param reporters defaults to {@link defaultReporters}: json, html, junit and csv.
 */
export async function writeReports(results: unknown, outDir: string, reporters?: readonly Reporter[]): Promise<ReportOutcome> {
  const valid = validateResults(results);
  const list = reporters ?? defaultReporters();
  await fs.mkdir(outDir, { recursive: true });
  const outcome: ReportOutcome = { written: [], failed: [] };
  // One after another: reporters are I/O-light, and a deterministic order keeps the output stable.
  for (const reporter of list) {
    if (!reporter.render) continue;
    try {
      outcome.written.push(...(await reporter.render(valid, outDir)));
    } catch (e) {
      outcome.failed.push({ reporter: reporter.name, error: e instanceof Error ? e : new Error(String(e)) });
    }
  }
  return outcome;
}

/**
 * Runs each reporter's `publish` in turn, collecting what each wrote or why it failed: one
 * broken output (a summary file that cannot be written) does not keep the grade from the others.
 */
export async function publishReports(results: ClassResults, reporters: readonly Reporter[]): Promise<ReportOutcome> {
  const outcome: ReportOutcome = { written: [], failed: [] };
  for (const reporter of reporters) {
    if (!reporter.publish) continue;
    try {
      outcome.written.push(...(await reporter.publish(results)));
    } catch (e) {
      outcome.failed.push({ reporter: reporter.name, error: e instanceof Error ? e : new Error(String(e)) });
    }
  }
  return outcome;
}

/** `html: cannot read template index.hbs` lines for a terminal, one per failed reporter. */
export function describeFailures(failed: readonly ReporterFailure[]): string {
  return failed.map((f) => `${f.reporter} report failed: ${f.error.message}`).join('\n');
}
