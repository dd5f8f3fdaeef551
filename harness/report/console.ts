/**
 * Text for terminals: one judged file for `interleave run`, and the class table for `grade`.
 * Pure functions of the results model; whether to colour is the caller's `color` option. Learner
 * text in them never starts a GitHub workflow command (inertCommands).
 */
import { inertCommands } from './workflow-commands';
import type { CaseResult, ProblemResult } from '../model/result';
import { formatFailure } from './console-failure';
import { formatCount, formatCountOf, formatMs, formatPercent, formatScore, formatSite, verdictName } from './format';
import type { ClassResults } from '../model/class-results';
import { replayCommand } from './replay';
import { failedBeforeAnyCase, sameFailures, sameFailureText } from './same-failure';
import { classStats, resultFor } from './stats';
import { nameLabel, oneLine, style, table, visibleLength, type Style } from './terminal';

export interface RunFormatOptions {
  /** ANSI colours: pass `stream.isTTY && !process.env.NO_COLOR`. */
  color: boolean;
  /** Print every step the judge kept, not only the last 40. */
  fullTrace?: boolean;
  /** Terminal width the trace columns must fit in (default 100). */
  width?: number;
}

/**
 * One ProblemResult for a terminal: the verdict and score, one line per case, and for the
 * first failing case the trace in columns, expected vs actual, blocked threads, notes and the
 * replay command. Other failing cases get their message and replay command.
 */
export function formatRunResult(result: ProblemResult, opts: RunFormatOptions): string {
  const s = style(opts.color);
  const replayed = result.replayed;
  // A replay is one run of one case: what it did, not points for the file.
  const headline = replayed
    ? `${s.verdict(result.verdict)}  ${result.verdict === 'AC' ? 'the replayed run passed' : `the replayed run failed: ${verdictName(result.verdict)}`}`
    : `${s.verdict(result.verdict, `${result.verdict} ${verdictName(result.verdict)}`)}  ${s.bold(`${formatScore(result.score)}/${formatScore(result.maxScore)}`)} points`;
  const lines = [`${s.bold(result.problem)}  ${result.file}`, `${headline}  ${s.dim(`seed ${result.seed} · ${formatMs(result.timeMs)}`)}`];
  if (replayed && result.verdict === 'AC') {
    lines.push(
      '',
      `  ${s.bold('The interleaving in this token no longer fails the file')}${replayed.fileChanged ? ' (the file changed since the token was made)' : ''}.`,
      `  One replayed run is no verdict: run without --replay to judge the file under every schedule the judge tries.`,
    );
  }
  if (result.error) {
    const e = result.error;
    lines.push('', `  ${s.bold(oneLine(e.message))}${e.site ? `  ${s.dim(formatSite(e.site))}` : ''}`);
    if (e.frame) lines.push(...e.frame.replace(/\n+$/, '').split('\n').map((l) => `    ${l}`));
  }
  if (failedBeforeAnyCase(result)) {
    // One failure, not one row per case: nothing ran.
    const n = result.cases.length;
    lines.push('', `  ${s.verdict(result.verdict)}  ${n === 1 ? 'the case' : `all ${n} cases`}  ${formatScore(result.score)}/${formatScore(result.maxScore)}  ${s.dim('not run')}`);
  } else if (result.cases.length) {
    lines.push('', ...table(result.cases.map((c) => caseRow(c, s)), ['left', 'left', 'right', 'left', 'right']).map((l) => `  ${l}`));
  }
  const failing = result.cases.filter((c) => c.failure);
  const same = sameFailures(failing);
  failing.forEach((c, i) => {
    const ctx = { problem: result.problem, file: result.file, caseName: c.name };
    const f = c.failure!;
    if (i === 0) {
      lines.push('', ...formatFailure(f, ctx, s, { width: opts.width ?? 100, fullTrace: !!opts.fullTrace, maxRows: 40 }));
    } else {
      const like = same.get(c);
      const what = oneLine(like === undefined ? f.message : sameFailureText(c, like));
      lines.push('', `${s.verdict(f.verdict)} ${s.bold(`case ${c.name}`)}: ${what}`, `  ${s.bold('replay')}  ${s.cyan(replayCommand(result.problem, result.file, f.replay))}`);
    }
  });
  // Learner text (messages, code frames, output) must not start a workflow command under CI.
  return inertCommands(`${lines.join('\n')}\n`);
}

function caseRow(c: CaseResult, s: Style): string[] {
  const e = c.explored;
  const what = c.failure
    ? `failed after ${formatCount(c.failure.schedulesToFailure)} schedule${c.failure.schedulesToFailure === 1 ? '' : 's'} (${c.failure.strategy})`
    : c.verdict !== 'AC' && e.schedules === 0
      ? 'not run'
      : c.verdict !== 'AC'
        ? `stopped after ${formatCount(e.schedules)} schedule${e.schedules === 1 ? '' : 's'}, ${formatCount(e.steps)} step${e.steps === 1 ? '' : 's'}`
        : `${formatCount(e.startOrders)} start order${e.startOrders === 1 ? '' : 's'} × ${formatCount(e.schedules)} schedule${e.schedules === 1 ? '' : 's'}, ${formatCount(e.steps)} step${e.steps === 1 ? '' : 's'}${e.strategies.length ? ` (${e.strategies.join(', ')})` : ''}`;
  return [s.verdict(c.verdict), c.name, `${formatScore(c.points)}/${formatScore(c.maxPoints)}`, s.dim(what + (e.busyWaiting ? ' · busy waiting' : '')), formatMs(c.timeMs)];
}

/**
 * The class at a glance for `grade`: a row per student with each problem's verdict and score
 * and the total, then each problem's pass rate and mean. Problem ids head the columns, or `P1…`
 * with a legend when they would make the table wider than `width` (default 120).
 */
export function formatClassSummary(results: ClassResults, opts: { color: boolean; width?: number }): string {
  const s = style(opts.color);
  const stats = classStats(results);
  const total = results.problems.reduce((a, p) => a + p.maxScore, 0);
  const build = (names: string[]) => {
    const rows: string[][] = [[s.bold('student'), ...names.map(s.bold), s.bold('total')]];
    for (const st of results.students) {
      const cells = results.problems.map((p) => {
        const r = resultFor(st, p.id);
        return r ? `${s.verdict(r.verdict)} ${formatScore(r.score)}` : s.dim('–');
      });
      rows.push([nameLabel(st.student), ...cells, `${formatScore(st.score)}/${formatScore(st.maxScore)}`]);
    }
    rows.push(
      [s.bold('passed'), ...stats.problems.map((p) => `${p.accepted}/${stats.students} ${formatPercent(p.accepted, stats.students)}`), ''],
      [s.bold('mean'), ...stats.problems.map((p) => `${formatScore(p.meanScore)}/${formatScore(p.info.maxScore)}`), `${Math.round(stats.meanPercent)}%`],
    );
    return table(rows, ['left', ...names.map(() => 'left' as const), 'right']);
  };
  let body = build(results.problems.map((p) => p.id));
  let legend: string[] = [];
  if (Math.max(...body.map(visibleLength)) > (opts.width ?? 120)) {
    body = build(results.problems.map((_, i) => `P${i + 1}`));
    legend = [s.dim(results.problems.map((p, i) => `P${i + 1} ${p.id}`).join(' · '))];
  }
  const verdicts = Object.entries(stats.verdicts)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => `${n} ${s.verdict(v as keyof typeof stats.verdicts)}`)
    .join(' · ');
  const head = `${s.bold('Class results')}: ${formatCountOf(stats.students, 'student')} × ${formatCountOf(results.problems.length, 'problem')} (${formatScore(total)} points) · seed ${results.seed} · ${formatMs(results.run.durationMs)} on ${formatCountOf(results.run.workers, 'worker')}`;
  const foot = `${formatCount(stats.submissions)} submission${stats.submissions === 1 ? '' : 's'}: ${verdicts || 'none'} · median ${Math.round(stats.medianPercent)}%`;
  // A student's name starts each row: it must not start a workflow command under CI.
  return inertCommands(`${[head, '', ...body, ...legend, '', foot].join('\n')}\n`);
}
