/**
 * A trace's steps are numbered as a student counts them: 1, 2, 3, … with no number skipped. The
 * engine also counts steps that show nothing (the harness's, a method's last stretch before it
 * returns), and its numbers skipped: 6, 8, 10, 12, and a student looked for step 7.
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { renumberSteps } from '../../harness/judge/step-numbers';
import { isTraceGap, traceGap, type TraceStep } from '../../harness/model/result';
import { ROOT } from '../support/cli';

const row = (step: number, thread: number, kind: TraceStep['kind'], text = kind): TraceStep => ({ step, thread, kind, text });

describe('renumberSteps', () => {
  test('steps that show rows are numbered 1, 2, 3, …; rows of one step keep one number', () => {
    const trace = [row(1, 1, 'start'), row(4, 1, 'op'), row(4, 1, 'emit'), row(6, 2, 'block'), row(9, 3, 'return')];
    renumberSteps(trace);
    expect(trace.map((r) => r.step)).toEqual([1, 2, 2, 3, 4]);
  });

  test('a ready mark in a step that shows nothing takes the number of the next step that does', () => {
    const trace = [row(2, 1, 'block'), row(5, 1, 'ready'), row(7, 2, 'op'), row(8, 1, 'wake'), row(9, 2, 'stalled')];
    renumberSteps(trace);
    expect(trace.map((r) => [r.kind, r.step])).toEqual([['block', 1], ['ready', 2], ['op', 2], ['wake', 3], ['stalled', 3]]);
  });

  test('rows left out keep their width: the steps after a gap are as far on as the engine counted', () => {
    const trace = [row(1, 1, 'start'), row(3, 1, 'op'), traceGap(1003, 4000), row(1003, 1, 'op'), row(1005, 2, 'op')];
    renumberSteps(trace);
    expect(trace.map((r) => r.step)).toEqual([1, 2, 1002, 1002, 1003]);
  });
});

describe('judged', () => {
  const file = path.join(ROOT, 'problems/zero-even-odd/solutions/wrong_answer/even_off_by_one.ts');
  test.each([1, 2, 3])('seed %i: a failing trace numbers its steps with none skipped', async (seed) => {
    const r = await judgeFile('zero-even-odd', file, { seed });
    const traces = r.cases.flatMap((c) => (c.failure ? [c.failure.trace] : []));
    expect(traces.length).toBeGreaterThan(0);
    for (const trace of traces) {
      // Each stretch between gaps (a long trace keeps its beginning and its end) counts up by one.
      const rows = trace.filter((t) => t.kind !== 'ready' && t.kind !== 'stalled');
      const stretches = rows.reduce<number[][]>((acc, t) => (isTraceGap(t) ? [...acc, []] : (acc.at(-1)!.push(t.step), acc)), [[]]);
      for (const [k, stretch] of stretches.entries()) {
        const numbers = [...new Set(stretch)];
        expect(numbers).toEqual(numbers.map((_, i) => (k === 0 ? 1 : numbers[0]) + i));
      }
    }
  });
});
