/**
 * What a learner really reads, pinned on real judged solutions (not hand-made fixtures): the
 * console, the jest helper's failure text and the HTML report's panel, for a deadlock, a wrong
 * answer, a livelock and a compile error. Timings are masked; everything else is the judge's.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { caseFailureText } from '../../harness/jest/index';
import { judgeFile } from '../../harness/judge/index';
import type { ProblemResult } from '../../harness/model/result';
import { formatRunResult } from '../../harness/report/console';
import { ROOT } from '../support/cli';
import { htmlPanel } from '../support/html-panel';

const FOOBAR = path.join(ROOT, 'problems/foobar');
const cases = (JSON.parse(fs.readFileSync(path.join(FOOBAR, 'problem.json'), 'utf8')) as { cases: { name: string; points: number }[] }).cases;

/** Timings differ from run to run; nothing else may. */
function masked(text: string): string {
  return text.replace(/ *\b\d+(\.\d+)? (ms|s)\b/g, ' ‹t›');
}

const SOLUTIONS: Array<[string, string, string | undefined]> = [
  ['a deadlock (the course’s two Events)', 'solutions/deadlock/course_two_events.ts', undefined],
  ['a wrong answer (no synchronization)', 'solutions/wrong_answer/no_sync.ts', undefined],
  ['a livelock (spinning on yieldThread)', 'solutions/time_limit_exceeded/yield_spin_no_first_turn.ts', undefined],
  ['a compile error', 'FooBar.ts', 'export class FooBar {\n  constructor(private n: number) {}\n  async foo(printFoo: () => void) {\n    printFoo(\n  }\n}\n'],
];

const judged = new Map<string, ProblemResult>();
async function judge(rel: string, source?: string): Promise<ProblemResult> {
  if (!judged.has(rel)) {
    const file = source === undefined ? path.relative(ROOT, path.join(FOOBAR, rel)) : rel;
    judged.set(rel, await judgeFile('foobar', source === undefined ? path.join(ROOT, file) : file, { seed: 1, ...(source === undefined ? {} : { source }) }));
    judged.get(rel)!.file = file;
  }
  return judged.get(rel)!;
}

describe.each(SOLUTIONS)('%s, as the learner reads it', (_, rel, source) => {
  test('in the console', async () => {
    expect(masked(formatRunResult(await judge(rel, source), { color: false, width: 120 }))).toMatchSnapshot();
  });

  test('in the jest helper', async () => {
    const r = await judge(rel, source);
    const texts = cases.map((c) => caseFailureText(r, cases, c.name)).filter((t) => t !== null);
    expect(masked(texts.join('\n----\n'))).toMatchSnapshot();
  });

  test('in the HTML report’s panel', async () => {
    const r = await judge(rel, source);
    const panel = htmlPanel(r, { title: 'Print FooBar Alternately', className: 'FooBar' });
    // The failure's part of the panel: what the learner reads below the case table.
    const failure = panel.slice(Math.max(0, panel.indexOf('<section class="failure"')));
    expect(masked(failure.includes('<section') ? failure : panel)).toMatchSnapshot();
  });
});
