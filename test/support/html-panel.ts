/**
 * What a learner reads in the HTML report for one judged file: the class report rendered for one
 * student, and that student's details panel (gzipped in the page, opened on demand) unpacked.
 */
import { gunzipSync } from 'node:zlib';
import type { ProblemResult } from '../../harness/model/result';
import { renderHtml } from '../../harness/report/html';

export function htmlPanel(r: ProblemResult, problem: { title: string; className: string }): string {
  const html = renderHtml({
    version: 1,
    generatedAt: '2026-12-01T00:00:00.000Z',
    seed: 1,
    problems: [{ id: r.problem, title: problem.title, className: problem.className, maxScore: r.maxScore }],
    students: [{ student: 'ann', problems: [r], ignored: [], score: r.score, maxScore: r.maxScore }],
    run: { durationMs: 1, workers: 1, judgeVersion: 'test' },
  });
  const blob = (JSON.parse(/<script id="details" type="application\/json">(.*?)<\/script>/s.exec(html)![1]) as string[])[0];
  return gunzipSync(Buffer.from(blob, 'base64')).toString('utf8');
}
