/**
 * The view of the class overview page: header figures, per-problem pass rates, the score
 * distribution and the students × problems matrix. Everything a template reads is computed
 * here, so the templates hold markup only (and render in strict mode).
 */
import { misnamedNote, misnamedOf } from './misnamed';
import { VERDICTS, type Verdict } from '../model/result';
import { badge, type BadgeView } from './html-details';
import { formatCount, formatCountOf, formatMs, formatPercent, formatScore, verdictName } from './format';
import { histogramView, type HistogramView } from './histogram';
import type { ClassResults } from '../model/class-results';
import { classStats, percentOf, resultFor } from './stats';

export interface CellView {
  problem: number;
  present: boolean;
  verdict: Verdict | 'none';
  score: string;
  /** For screen readers: `foobar: wrong answer, 4 of 10`. */
  label: string;
  /** Sort key: score, with a missing submission below every score. */
  sort: number;
  /** Shown in the cell of a file not graded for its name: `did you mean FooBar.ts?`. */
  misnamed?: string;
}

export interface RowView {
  index: number;
  name: string;
  total: string;
  percent: number;
  /** Space-separated verdicts (and `none`) of the row, for the verdict filter. */
  verdicts: string;
  cells: CellView[];
}

export interface ProblemColumnView {
  index: number;
  id: string;
  title: string;
  maxScore: string;
}

export interface ProblemStatsView extends ProblemColumnView {
  className: string;
  submitted: string;
  passLabel: string;
  passPercent: number;
  mean: string;
  /** Verdict shares as a stacked bar (percent widths), in VERDICTS order. */
  segments: { code: Verdict; name: string; count: number; percent: number }[];
}

export interface PageView {
  title: string;
  generatedAt: string;
  seed: number;
  judgeVersion: string;
  duration: string;
  /** `2 workers`. */
  workers: string;
  /** The number alone, for the Students card. */
  students: string;
  /** `1 student`, `30 students`. */
  studentsCounted: string;
  /** `1 problem`, `5 problems`. */
  problemsCounted: string;
  /** `1 submission`, `150 submissions`. */
  submissions: string;
  accepted: string;
  meanPercent: number;
  medianPercent: number;
  verdicts: (BadgeView & { count: number })[];
  warnings: string[] | null;
  problems: ProblemColumnView[];
  problemStats: ProblemStatsView[];
  distribution: HistogramView;
  rows: RowView[];
  columns: number;
  verdictOptions: BadgeView[];
}

/** Computes the overview page's view from validated results. */
export function pageView(results: ClassResults): PageView {
  const stats = classStats(results);
  const problems = results.problems.map((p, index) => ({ index, id: p.id, title: p.title || p.id, maxScore: formatScore(p.maxScore) }));
  const rows = results.students.map((s, index): RowView => {
    const misnamed = misnamedOf(s, results.problems);
    const cells = results.problems.map((p, i): CellView => {
      const r = resultFor(s, p.id);
      const wrongName = misnamed.get(p.id);
      if (!r) {
        const label = `${p.id}: not submitted${wrongName ? ` (${misnamedNote(wrongName)})` : ''}`;
        return { problem: i, present: false, verdict: 'none', score: '', label, sort: -1, ...(wrongName ? { misnamed: `did you mean ${wrongName.expected}?` } : {}) };
      }
      return { problem: i, present: true, verdict: r.verdict, score: formatScore(r.score), label: `${p.id}: ${verdictName(r.verdict)}, ${formatScore(r.score)} of ${formatScore(r.maxScore)}`, sort: r.score };
    });
    return {
      index,
      name: s.student,
      total: `${formatScore(s.score)}/${formatScore(s.maxScore)}`,
      percent: Math.round(percentOf(s)),
      verdicts: [...new Set(cells.map((c) => c.verdict))].join(' '),
      cells,
    };
  });
  return {
    title: `Interleave report: ${formatCountOf(stats.students, 'student')} × ${formatCountOf(results.problems.length, 'problem')}`,
    generatedAt: results.generatedAt.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC'),
    seed: results.seed,
    judgeVersion: results.run.judgeVersion,
    duration: formatMs(results.run.durationMs),
    workers: formatCountOf(results.run.workers, 'worker'),
    students: formatCount(stats.students),
    studentsCounted: formatCountOf(stats.students, 'student'),
    problemsCounted: formatCountOf(results.problems.length, 'problem'),
    submissions: formatCountOf(stats.submissions, 'submission'),
    accepted: formatPercent(stats.accepted, stats.submissions),
    meanPercent: Math.round(stats.meanPercent),
    medianPercent: Math.round(stats.medianPercent),
    verdicts: VERDICTS.filter((v) => stats.verdicts[v] > 0).map((v) => ({ ...badge(v), count: stats.verdicts[v] })),
    warnings: warnings(results),
    problems,
    problemStats: stats.problems.map((ps, i) => ({
      ...problems[i],
      className: ps.info.className,
      submitted: `${ps.submitted} of ${stats.students}`,
      passLabel: `${ps.accepted} of ${stats.students} (${formatPercent(ps.accepted, stats.students)})`,
      passPercent: Math.round(ps.passRate * 100),
      mean: formatScore(ps.meanScore),
      segments: VERDICTS.filter((v) => ps.verdicts[v] > 0).map((v) => ({
        code: v,
        name: verdictName(v),
        count: ps.verdicts[v],
        percent: Math.round((ps.verdicts[v] / Math.max(1, stats.students)) * 1000) / 10,
      })),
    })),
    distribution: histogramView(stats.distribution, {
      width: 320,
      height: 96,
      title: `Distribution of ${formatCount(stats.students)} students' total scores, in steps of 10%`,
      unit: (v) => `${Math.round(v)}%`,
      noun: ['student', 'students'],
    }),
    rows,
    columns: results.problems.length + 2,
    verdictOptions: VERDICTS.map(badge),
  };
}

/** What an instructor must not miss: judge errors and failures that replay did not reproduce. */
function warnings(results: ClassResults): string[] | null {
  let judgeErrors = 0;
  let unreproduced = 0;
  for (const s of results.students) {
    for (const p of s.problems) {
      if (p.verdict === 'JE') judgeErrors++;
      for (const c of p.cases) if (c.failure && !c.failure.reproduced) unreproduced++;
    }
  }
  const out: string[] = [];
  for (const s of results.students) {
    for (const m of misnamedOf(s, results.problems).values()) out.push(`${s.student}: ${misnamedNote(m)} It was not graded (scored as not submitted).`);
  }
  if (judgeErrors) out.push(`${judgeErrors} submission${judgeErrors === 1 ? '' : 's'} ended in a judge error (JE): the judge's fault, not the student's; re-grade them.`);
  if (unreproduced) out.push(`${unreproduced} failure${unreproduced === 1 ? '' : 's'} did not reproduce on replay: treat those verdicts with care and report them.`);
  return out.length ? out : null;
}
