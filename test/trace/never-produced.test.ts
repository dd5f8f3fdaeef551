/**
 * The lines under a failure's headline agree with what the run did: a run that crashed before it
 * produced its result shows no "printed" line of made-up output (it used to say `printed
 * undefined` to a Python student whose update() threw), and what a headline names is counted.
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { loadProblem } from '../../harness/judge/problems';
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

// The headline named a message taken after the event was set while the "actual" line, counting
// only the messages before it, said one fewer had been produced.
test('pipeline-shutdown: a message taken after the event is counted in the actual line, and named', async () => {
  const file = path.join(ROOT, 'problems/pipeline-shutdown/solutions/wrong_answer/ignores_the_event.ts');
  for (const seed of [1, 2]) {
    const r = await judgeFile('pipeline-shutdown', file, { seed });
    const failure = r.cases.find((c) => c.failure)!.failure!;
    const late = /^producer took "(producer#(\d+))" after the event was set/.exec(failure.message);
    expect(late).not.toBeNull();
    expect(failure.actual).toMatch(new RegExp(`^${late![2]} produced, the last \\(${late![1]}\\) after the event was set; \\d+ stored$`));
  }
});

test('expected lines count in words: one molecule, eats once', () => {
  const h2o = loadProblem('h2o').checker;
  const dining = loadProblem('dining-philosophers').checker;
  const ctx = (args: Record<string, unknown>) => ({ args }) as never;
  expect(h2o.expected!(ctx({ oxygens: 1 }))).toMatch(/^1 molecule, each of two H and one O/);
  expect(h2o.expected!(ctx({ oxygens: 3 }))).toMatch(/^3 molecules, /);
  expect(dining.expected!(ctx({ n: 1 }))).toMatch(/eats once,/);
  expect(dining.expected!(ctx({ n: 2 }))).toMatch(/eats 2 times,/);
});

// It read `the harness waits for 0 calls of nextMessage()`, which few could parse.
test('pipeline-shutdown: the harness’s own wait says in words when it will set the event', async () => {
  const file = path.join(ROOT, 'problems/pipeline-shutdown/solutions/wrong_answer/ignores_the_event.ts');
  const rows = new Set<string>();
  for (const seed of [1, 2, 3]) {
    const r = await judgeFile('pipeline-shutdown', file, { seed });
    for (const c of r.cases) for (const t of c.failure?.trace ?? []) if (/the harness/.test(t.text)) rows.add(t.text.replace(/^waits in /, ''));
  }
  expect(rows.size).toBeGreaterThan(0);
  for (const text of rows) expect(text).toMatch(/^(the harness waits until nextMessage\(\) was called (once|\d+ times)|the harness may set event from the start|event\.set\(\) \(the harness\))$/);
});
