/**
 * Where the time of one command goes, for `bench:cold`: named moments, in ms since the process
 * started (Node's performance.timeOrigin), written as JSON to the file INTERLEAVE_PHASES names
 * when the process exits. Without that variable, marking costs a comparison.
 */
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env.INTERLEAVE_PHASES;
const marks: Array<[string, number]> = [];

if (file) {
  process.once('exit', () => {
    marks.push(['exit', performance.now()]);
    try {
      writeFileSync(file, JSON.stringify({ marks }));
    } catch {
      // a benchmark's file, not the command's business
    }
  });
}

/** Notes that `name` happens now (only when INTERLEAVE_PHASES is set). */
export function mark(name: string): void {
  if (file) marks.push([name, performance.now()]);
}
