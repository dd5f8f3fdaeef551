/** The reporters `grade` and `report` run by default, in the order their files are written. */
import { csvReporter } from './csv';
import { htmlReporter } from './html';
import { jsonReporter } from './json';
import { junitReporter } from './junit';
import type { Reporter } from './reporter';

/** results.json first: if a later reporter breaks, the data to re-render from is on disk. */
export function defaultReporters(): Reporter[] {
  return [jsonReporter(), htmlReporter(), junitReporter(), csvReporter()];
}
