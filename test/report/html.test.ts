import { gunzipSync } from 'node:zlib';
import { renderHtml, scriptSafeJson } from '../../harness/report/html';
import { classResults } from './fixtures';

const html = renderHtml(classResults);
/** The students' detail panels, as the page inflates them. */
const details: string[] = (JSON.parse(/<script id="details" type="application\/json">(.*?)<\/script>/s.exec(html)![1]) as string[]).map((b) =>
  gunzipSync(Buffer.from(b, 'base64')).toString('utf8'),
);

describe('index.html', () => {
  test('is one self-contained file: no external scripts, styles, images or fonts', () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|img|iframe)[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/url\(|@import/);
    // The one URL is a hostile student's name, escaped as text.
    expect(html).not.toMatch(/https?:\/\/(?!x&quot;)/);
  });

  test('has landmarks and a heading outline', () => {
    for (const tag of ['<header', '<main id="main"', '<footer', '<h1>Class report</h1>', '<h2 id="h-overview">', '<h2 id="h-problems">', '<h2 id="h-students">']) {
      expect(html).toContain(tag);
    }
    expect(html).toContain('<html lang="en">');
  });

  test('counts in words that agree with the number: one student, one problem, one worker, one submission', () => {
    expect(html).toContain('6 students × 3 problems · generated');
    expect(html).toMatch(/on 2 workers</);
    const one = renderHtml({ ...classResults, problems: [classResults.problems[0]], students: [classResults.students[0]], run: { ...classResults.run, workers: 1 } });
    expect(one).toContain('1 student × 1 problem · generated');
    expect(one).toMatch(/on 1 worker</);
    expect(one).toContain('<p class="d">1 submission</p>');
    expect(one).toContain('<title>Interleave report: 1 student × 1 problem</title>');
  });

  test('has a matrix row per student with a badge per submission and an aria label', () => {
    expect(html.match(/<tr data-i=/g)).toHaveLength(classResults.students.length);
    expect(html).toContain('<button type="button" class="c v-DL" data-p="1" aria-label="foobar: deadlock, 2 of 10">DL <b>2</b></button>');
    expect(html).toContain('aria-label="pipeline: not submitted" title="pipeline: not submitted">–</span>');
  });

  test('escapes every learner-controlled string', () => {
    expect(html).toContain('data-name="&#x3D;HYPERLINK(&quot;http://x&quot;)"');
    const hostile = details[5];
    expect(hostile).toContain('&lt;b&gt;foo&lt;/b&gt;');
    expect(hostile).not.toContain('<b>foo</b>');
    expect(hostile).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).not.toContain('\u0007');
  });

  test('keeps a detail panel per student: cases, timing, and for a failure the swimlane, outputs and replay', () => {
    expect(details).toHaveLength(classResults.students.length);
    const cleo = details[2];
    expect(cleo).toContain('<h3 id="s2-h">cleo');
    expect(cleo).toContain('id="s2-p1"');
    expect(cleo).toMatch(/<th scope="col">foo<\/th><th scope="col">bar<\/th>/);
    // Each lane keeps a readable width however many threads there are (five philosophers' lanes
    // broke "started" into "starte d"): the table scrolls sideways instead.
    expect(cleo).toContain('<table class="swim" style="min-width:calc(14.2em + 2 * 10em)">');
    expect(cleo).toContain('<tr class="k-block sw"><th>12<td class=blocked><td class=on><span>barTurn.wait() → blocks</span><td>line 21\n');
    expect(cleo).toContain('<b>foo</b> waits in <code>Event.wait() on fooTurn</code>');
    expect(cleo).toContain('data-copy="npx interleave run foobar submissions/cleo/FooBar.ts --replay v1.foobar.AQEAAQ.7Hc2"');
    expect(cleo).toContain('<span class="tag">slowest</span>');
    expect(cleo).toContain('aria-label="Run time per schedule: 72 samples from 0.09 ms to 0.16 ms"');
  });

  test('highlights the first difference between expected and actual output', () => {
    expect(details[1]).toContain('<dt>Expected</dt><dd><code>first<mark class="ok">s</mark>econdthird</code></dd><dt>Actual</dt><dd><code>first<mark class="bad">t</mark>hirdsecond</code></dd>');
    expect(details[1]).toContain('first difference at character 6');
  });

  test('shows a compile error with its code frame, and a run-time error with its stack', () => {
    expect(details[4]).toContain('<b>&#x27;;&#x27; expected</b> <span class="muted">at submissions/eve/FooBar.ts:12</span>');
    expect(details[4]).toContain('&gt; 12 |     await this.lock.acquire()');
    expect(details[3]).toContain('<pre class="stack">RuntimeError: Lock.release() on an unlocked Lock');
  });

  test('warns the instructor about failures that did not reproduce', () => {
    expect(html).toContain('2 failures did not reproduce on replay');
  });
});

describe('scriptSafeJson', () => {
  test('cannot close the script element it sits in', () => {
    const s = scriptSafeJson(['</script><!--', '\u2028']);
    expect(s).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(s)).toEqual(['</script><!--', '\u2028']);
  });
});
