/**
 * The job summary GitHub shows on the run's page ($GITHUB_STEP_SUMMARY): the points, a table of
 * every case with its verdict, and each failure with its replay command and trace. GitHub refuses
 * a summary above 1 MiB, so the traces give way first, then the failures beyond the budget.
 * Learner text (messages, file names, traces) appears only inside code spans and fenced blocks,
 * so a link, an image or HTML in it never renders.
 */
import { VERDICT_NAMES } from '../model/result';
import type { ProblemGrade } from './grades';
import { totals } from './grades';
import { cutMiddle, utf8Bytes } from './cut';
import { cell, codeBlock, inlineCode } from './markdown';

/** Under GitHub's 1 MiB per step, with room for what other tools append. */
export const SUMMARY_LIMIT = 512 * 1024;

const TRACE_CAP = 30_000;

/** The Markdown summary of `grades`, at most `limit` UTF-8 bytes. */
export function classroomSummary(grades: readonly ProblemGrade[], limit = SUMMARY_LIMIT): string {
  const { score, maxScore } = totals(grades);
  const head = [`## Interleave: ${score}/${maxScore} points`, '', ...caseTable(grades), ''].join('\n');
  const failures = grades.flatMap((g) => {
    const seen = new Set<string>();
    return g.cases
      .filter((c) => c.status !== 'pass')
      .filter((c) => {
        // A compile error or timeout of the whole file is shown once, not once per case.
        if (!c.problemLevel) return true;
        if (seen.has(g.problem)) return false;
        seen.add(g.problem);
        return true;
      })
      .map((c) => ({ g, c }));
  });
  if (failures.length === 0) return `${head}\nEvery case passed under every schedule tried.\n`;

  let out = `${head}\n### Failures\n`;
  for (let i = 0; i < failures.length; i++) {
    const { g, c } = failures[i];
    const where = c.site ? `${c.site.file}:${c.site.line}` : g.file;
    const title = `#### ${cell(g.problem)} · ${c.problemLevel ? "every case" : cell(c.name)}: ${c.verdict} ${VERDICT_NAMES[c.verdict]}`;
    // The summary holds learner text (a thrown message): in code, so links, images and HTML stay text.
    const short = [title, '', `${inlineCode(where)}: ${inlineCode(cutMiddle(c.summary, 2000))}`, '', codeBlock(c.command, 'sh'), ''].join('\n');
    const trace = c.details ? ['<details><summary>trace and details</summary>', '', codeBlock(cutMiddle(c.details, TRACE_CAP), 'text'), '', '</details>', ''].join('\n') : '';
    const rest = `\n_${failures.length - i} more failure(s) left out: the summary is limited in size. Run the commands above, or \`npx interleave classroom\`, to see them._\n`;
    if (utf8Bytes(out + short + trace) + utf8Bytes(rest) <= limit) out += `${short}${trace}\n`;
    else if (utf8Bytes(out + short) + utf8Bytes(rest) <= limit) out += `${short}_(trace left out: the summary is limited in size; the replay command shows it)_\n\n`;
    else return out + rest;
  }
  return out;
}

function caseTable(grades: readonly ProblemGrade[]): string[] {
  const rows = ['| problem | file | case | verdict | points |', '| --- | --- | --- | --- | ---: |'];
  for (const g of grades) {
    for (const c of g.cases) {
      const mark = c.status === 'pass' ? '✅' : c.status === 'error' ? '⚠️' : '❌';
      rows.push(`| ${cell(g.problem)} | ${inlineCode(g.file).replace(/\|/g, "\\|")} | ${cell(c.name)} | ${mark} ${cell(c.verdict)} | ${c.points}/${c.maxPoints} |`);
    }
  }
  const { score, maxScore } = totals(grades);
  rows.push(`| **total** | | | | **${score}/${maxScore}** |`);
  return rows;
}
