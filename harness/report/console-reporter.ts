/** The terminal text: a run's verdict, trace and replay command (`run`), or a class's summary table. */
import type { ProblemResult } from '../model/result';
import { formatRunResult } from './console';
import type { Reporter, RunTextOptions } from './reporter';

/** Prints rather than writes: `formatRun` for one file; a class's summary is `formatClassSummary`. */
export function consoleReporter(): Reporter {
  return {
    name: 'console',
    formatRun: (result: ProblemResult, opts: RunTextOptions): string =>
      formatRunResult(result, { color: opts.color, fullTrace: opts.fullTrace === true, width: opts.width }),
  };
}
