/**
 * Learner text never starts a GitHub Actions workflow command in output read by a runner:
 * neither `::name::` at the start of a line (after blanks, which the runner trims) nor the older
 * `##[name]` anywhere in a line.
 */
import { formatCaseTable, formatProblems } from '../../harness/classroom/console';
import { gradeProblem } from '../../harness/classroom/grades';
import { inertCommands } from '../../harness/report/workflow-commands';
import { formatClassSummary, formatRunResult } from '../../harness/report/console';
import type { ClassResults } from '../../harness/model/class-results';
import { oneLine, visibleLength } from '../../harness/report/terminal';
import { FOOBAR_CASES, failure, foobarResult } from './fixtures';

/** Would a GitHub runner take any line of `out` as a workflow command? */
function commandLines(out: string): string[] {
  return out.split(/\r?\n|\r/).filter((l) => /^\s*::/.test(l) || l.includes('##['));
}

const NAME = '::error title=x::pwned';

describe('inertCommands', () => {
  test.each([
    ['::error::x', true],
    ['   ::add-mask::secret', true],
    ['\t::set-output name=a::b', true],
    ['ok\n::error::second line', true],
    ['ok\r::warning::after a carriage return', true],
    ['text ##[error]anywhere in a line', true],
    ['a: b :: c', false],
  ])('%j: no command survives, and the text reads the same', (text, changed) => {
    const inert = inertCommands(text);
    expect(commandLines(inert)).toEqual([]);
    expect(inert.replace(/\u2060/g, '')).toBe(text);
    expect(inert !== text).toBe(changed);
  });

  test('oneLine (every terminal formatter’s learner text) is inert and keeps its visible width', () => {
    expect(commandLines(oneLine(NAME))).toEqual([]);
    expect(visibleLength(oneLine(NAME))).toBe(NAME.length);
  });
});

describe('the formatters', () => {
  test('grade’s class table: a student named like a command does not start a command line, and columns still line up', () => {
    const student = (name: string) => ({ student: name, problems: [foobarResult(5)], ignored: [], score: 100, maxScore: 100 });
    const results: ClassResults = {
      version: 1,
      generatedAt: '2024-01-01T00:00:00.000Z',
      seed: 1,
      problems: [{ id: 'foobar', title: 'FooBar', className: 'FooBar', maxScore: 100 }],
      students: [student(NAME), student('  ::warning::indented'), student('alice')],
      run: { durationMs: 1000, workers: 2, judgeVersion: 'test' },
    } as ClassResults;
    const out = formatClassSummary(results, { color: false });
    expect(out).toContain('pwned');
    expect(commandLines(out)).toEqual([]);
    const rows = out.split('\n').filter((l) => l.includes('AC 100'));
    expect(new Set(rows.map((r) => visibleLength(r.slice(0, r.indexOf('AC 100')))))).toEqual(new Set([visibleLength(rows[0].slice(0, rows[0].indexOf('AC 100')))]));
  });

  test('run’s and classroom’s reports: a learner message, output and code frame cannot start a command', () => {
    const f = failure({ verdict: 'WA', message: '::error::from the message', expected: 'foo', actual: '\n::error::printed\n##[error]old style' });
    const result = { ...foobarResult(0, f), error: { message: 'x', frame: '  1 | ::error file=a::in the source\n    | ^' } };
    const grades = [gradeProblem(result, FOOBAR_CASES)];
    const outs = [formatRunResult(result, { color: false, fullTrace: true }), formatProblems(grades, { color: false }), formatCaseTable(grades, { color: false })];
    for (const out of outs) expect(commandLines(out)).toEqual([]);
    expect(outs[0]).toContain('from the message');
  });
});
