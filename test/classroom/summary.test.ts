/** The job summary: points, a row per case, each failure with its replay command, under 1 MiB. */
import { gradeProblem } from '../../harness/classroom/grades';
import { classroomSummary, SUMMARY_LIMIT } from '../../harness/classroom/summary';
import { FOOBAR_CASES, caselessResult, failure, foobarResult } from './fixtures';

describe('the Markdown job summary', () => {
  test('heads with the points, tables every case and lists each failure with its replay command', () => {
    const md = classroomSummary([gradeProblem(foobarResult(4), FOOBAR_CASES)]);
    expect(md).toMatch(/^## Interleave: 80\/100 points\n/);
    expect(md).toContain('| foobar | `src/FooBar.ts` | n = 1 | ✅ AC | 20/20 |');
    expect(md).toContain('| foobar | `src/FooBar.ts` | n = 1000 | ❌ DL | 0/20 |');
    expect(md).toContain('| **total** | | | | **80/100** |');
    expect(md).toContain('#### foobar · n = 1000: DL deadlock');
    expect(md).toContain('`src/FooBar.ts:29`: `DL deadlock: bar is blocked and no thread can proceed');
    expect(md).toContain('```sh\nnpx interleave run foobar src/FooBar.ts --replay IL1.TOKEN\n```');
    expect(md).toContain('<details><summary>trace and details</summary>');
  });

  test('a failure of the whole file is listed once, not once per case', () => {
    const md = classroomSummary([gradeProblem(caselessResult('TLE', 'Stopped after 10 s of wall-clock time'), FOOBAR_CASES)]);
    expect(md.match(/^#### /gm)).toHaveLength(1);
    expect(md).toContain('#### foobar · every case: TLE time limit exceeded');
  });

  test('learner text cannot break the table or the code blocks', () => {
    const f = failure({ verdict: 'WA', message: 'bad | cell\n<script>alert(1)</script>', expected: '```', actual: '````\n# heading' });
    const md = classroomSummary([gradeProblem(foobarResult(0, f), FOOBAR_CASES)]);
    // Learner text is only ever inside code, where HTML is shown as text.
    expect(outsideCode(md)).not.toContain('<script>');
    expect(outsideCode(md)).not.toContain('bad |');
    expect(md).toContain('`WA wrong answer: bad | cell⏎<script>alert(1)</script>`');
    // Every block opened is closed with a fence longer than any backtick run inside it.
    expect(md).toMatch(/`````text\n[\s\S]*?\n`````/);
  });

  test('stays under its limit (and under GitHub\'s 1 MiB) with huge failures in every case', () => {
    const text = 'z'.repeat(3_000_000);
    const huge = failure({ verdict: 'WA', message: text, expected: text, actual: `${text}!`, stack: text });
    const graded = gradeProblem(foobarResult(0, huge), FOOBAR_CASES);
    const md = classroomSummary(Array.from({ length: 20 }, () => graded));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain('## Interleave: 0/2000 points');
    expect(md).toMatch(/more failure\(s\) left out|trace left out/);
  });

  test('links, images and HTML in a learner’s message appear only inside code, so they never render', () => {
    const f = failure({ verdict: 'RTE', message: 'Error: see [x](http://a) ![i](http://b) <img src=x onerror=alert(1)> `tick` ``two``' });
    const md = classroomSummary([gradeProblem(foobarResult(0, f), FOOBAR_CASES)]);
    const rest = outsideCode(md);
    for (const live of ['](http://a)', '![i]', '<img', 'http://b']) expect(rest).not.toContain(live);
    // The message is whole, in a span whose fence is longer than any backtick run inside it.
    expect(md).toContain('``` RTE run-time error: Error: see [x](http://a) ![i](http://b) <img src=x onerror=alert(1)> `tick` ``two`` ```');
  });

  test('says so when every case passed', () => {
    expect(classroomSummary([gradeProblem(foobarResult(5), FOOBAR_CASES)])).toContain('Every case passed under every schedule tried.');
  });
});

/** The Markdown with every fenced block and code span taken out: what GitHub would render as Markdown. */
function outsideCode(md: string): string {
  return md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '').replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, '');
}
