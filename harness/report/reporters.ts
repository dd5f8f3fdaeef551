/**
 * The one table of reporters, by name. Each is loaded only when asked for: `interleave run`
 * prints a verdict without loading the HTML report's templates.
 */
import type { Reporter, RunReporter } from './reporter';

/* eslint-disable @typescript-eslint/no-require-imports */
const REPORTERS: Record<string, () => Reporter> = {
  console: () => (require('./console-reporter') as typeof import('./console-reporter')).consoleReporter(),
  json: () => (require('./json') as typeof import('./json')).jsonReporter(),
  html: () => (require('./html') as typeof import('./html')).htmlReporter(),
  junit: () => (require('./junit') as typeof import('./junit')).junitReporter(),
  csv: () => (require('./csv') as typeof import('./csv')).csvReporter(),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** What `interleave run --format` takes: the reporters that report on one run. */
export const RUN_FORMATS = ['console', 'json', 'junit'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

/** The files `grade`, `report` and `merge` write, in order. results.json first: if a later reporter breaks, the data to re-render from is on disk. */
export const CLASS_REPORTS = ['json', 'html', 'junit', 'csv'] as const;

/** The reporters `grade` and `report` run by default, in the order their files are written. */
export function defaultReporters(): Reporter[] {
  return CLASS_REPORTS.map((name) => REPORTERS[name]());
}

/** The reporter for `run --format <name>`. */
export function runReporter(name: RunFormat): RunReporter {
  const reporter = REPORTERS[name]();
  if (!reporter.formatRun) throw new Error(`the ${name} reporter cannot report one run`);
  return reporter as RunReporter;
}
