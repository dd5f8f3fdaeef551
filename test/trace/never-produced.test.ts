/**
 * A run that crashed before it produced its result shows no "printed" line of made-up output (it
 * used to say `printed undefined` to a Python student whose update() threw).
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { formatRunResult } from '../../harness/report/console';
import { ROOT } from '../support/cli';

test('race-counter: an update that throws leaves nothing to show beside the expected value', async () => {
  const file = path.join(ROOT, 'problems/race-counter/solutions/run_time_error/double_release.ts');
  const r = await judgeFile('race-counter', file, { seed: 1 });
  expect(r.verdict).toBe('RTE');
  const failing = r.cases.find((c) => c.failure)!.failure!;
  expect(failing.expected).toBeDefined();
  expect(failing.actual).toBeUndefined();
  const text = formatRunResult(r, { color: false, width: 120 });
  expect(text).toMatch(/expected +\d/);
  expect(text).not.toMatch(/undefined/);
});
