/**
 * The view of one student's submissions for the HTML report's detail panel: each problem's
 * cases, exploration and timing, and each failure as a swimlane with its outputs and replay.
 * Every field the templates read is present (null when empty): they render in strict mode.
 */
import * as path from 'node:path';
import { misnamedNote, misnamedOf } from './misnamed';
import type { CaseResult, Failure, ProblemResult, SourceSite, Verdict } from '../model/result';
import { diffWindow, type DiffSide } from './diff';
import { formatCount, formatMs, formatScore, formatSite, verdictName } from './format';
import { sparkView, type SparkView } from './histogram';
import type { ClassResults, StudentResult } from '../model/class-results';
import { replayCommand } from './replay';
import { shrunkText } from './console-failure';
import { failedBeforeAnyCase, sameFailures, sameFailureText } from './same-failure';
import { strategyInWords } from './strategy-words';
import { swimlane } from './swimlane';
import { oneLine } from './terminal';

export interface BadgeView {
  code: Verdict;
  name: string;
}

export interface CaseView {
  name: string;
  verdict: BadgeView;
  points: string;
  maxPoints: string;
  startOrders: string;
  schedules: string;
  steps: string;
  strategies: string;
  time: string;
  slowest: boolean;
  busyWaiting: boolean;
  failureAnchor: string | null;
}

export interface LaneCellView {
  on: boolean;
  state: string;
  text: string;
  title: string;
}

export interface SwimRowView {
  step: number;
  kind: string;
  cells: LaneCellView[];
  site: string;
  /** The line in the learner's file (shown beside the trace), or null. */
  line: number | null;
  /** Another thread runs from this row on. */
  switched: boolean;
  /** A row across every lane (time passing), with its text; null for a thread's row. */
  span: string | null;
}

/** The learner's file beside a failing run, the lines that run went through marked. */
export interface CodeView {
  file: string;
  /** `hit`: the run went through it; `err`: the failure points at it (where it threw, where it waits). */
  lines: { n: number; text: string; hit: boolean; err: boolean }[];
}

export interface DiffSideView {
  cutStart: boolean;
  before: string;
  at: string;
  ended: boolean;
  after: string;
  cutEnd: boolean;
}

export interface OutputsView {
  expected: DiffSideView | null;
  actual: DiffSideView | null;
  /** `Actual` for a wrong answer; `Printed so far` for any other failure. */
  actualLabel: string;
  /** `first difference at character 6`, or null when the outputs agree or one is missing. */
  where: string | null;
  /** Both outputs whole, when the window around the difference cut them (folded, to expand). */
  whole: { expected: string; actual: string } | null;
}

export interface FailureView {
  anchor: string;
  caseName: string;
  verdict: BadgeView;
  message: string;
  meta: string;
  reproduced: boolean;
  /** Not replayed: a clock stopped the run (see Failure.replayed). */
  notReplayed: boolean;
  cut: string | null;
  /** Some step carries virtual time (shown on hover). */
  timed: boolean;
  threads: string[];
  /** Lanes plus the step and source columns: a row across the lanes spans this many. */
  span: number;
  rows: SwimRowView[];
  code: CodeView | null;
  outputs: OutputsView | null;
  blocked: { thread: string; waitsIn: string; site: string; touched: string | null }[] | null;
  stack: string | null;
  notes: string[] | null;
  replay: string;
  /** The earlier case this one fails as: shown as one line and its replay, not a second trace. */
  sameAs: string | null;
  /** For a case that failed as `sameAs` did: what to say of it instead of its trace. */
  sameText?: string;
}

export interface ProblemDetailView {
  anchor: string;
  id: string;
  title: string;
  file: string;
  verdict: BadgeView;
  score: string;
  maxScore: string;
  seed: number;
  time: string;
  error: { message: string; site: string; frame: string | null } | null;
  cases: CaseView[] | null;
  charts: { runMs: SparkView; runSteps: SparkView } | null;
  failures: FailureView[];
}

export interface StudentDetailView {
  index: number;
  name: string;
  score: string;
  maxScore: string;
  ignored: string[] | null;
  missing: string[] | null;
  problems: ProblemDetailView[];
}

export function badge(v: Verdict): BadgeView {
  return { code: v, name: verdictName(v) };
}

/** The detail view of student number `index`. */
export function studentDetail(results: ClassResults, s: StudentResult, index: number): StudentDetailView {
  const titles = new Map(results.problems.map((p) => [p.id, p.title]));
  const done = new Set(s.problems.map((p) => p.problem));
  const misnamed = misnamedOf(s, results.problems);
  const missing = results.problems
    .filter((p) => !done.has(p.id))
    .map((p) => {
      const m = misnamed.get(p.id);
      return `${p.title || p.id}${m ? ` (${misnamedNote(m)})` : ''}`;
    });
  const order = new Map(results.problems.map((p, i) => [p.id, i]));
  return {
    index,
    name: s.student,
    score: formatScore(s.score),
    maxScore: formatScore(s.maxScore),
    ignored: s.ignored.length ? s.ignored : null,
    missing: missing.length ? missing : null,
    problems: s.problems.map((p) => problemDetail(p, titles.get(p.problem) ?? p.problem, `s${index}-p${order.get(p.problem)}`)),
  };
}

function problemDetail(p: ProblemResult, title: string, anchor: string): ProblemDetailView {
  const slowest = p.cases.length > 1 ? p.cases.reduce((a, c) => (c.timeMs > a.timeMs ? c : a)) : undefined;
  const runMs = p.cases.flatMap((c) => c.explored.runMs);
  const runSteps = p.cases.flatMap((c) => c.explored.runSteps);
  return {
    anchor,
    id: p.problem,
    title,
    file: p.file,
    verdict: badge(p.verdict),
    score: formatScore(p.score),
    maxScore: formatScore(p.maxScore),
    seed: p.seed,
    time: formatMs(p.timeMs),
    error: p.error ? { message: p.error.message, site: formatSite(p.error.site), frame: p.error.frame ?? null } : null,
    // Nothing ran (a compile error): the error says it once, no row per case.
    cases: p.cases.length && !failedBeforeAnyCase(p) ? p.cases.map((c, i) => caseView(c, c === slowest, c.failure ? `${anchor}-c${i}` : null)) : null,
    charts: runMs.length
      ? {
          runMs: sparkView(runMs, { width: 240, height: 48, bins: 16, title: 'Run time per schedule', unit: formatMs }),
          runSteps: sparkView(runSteps, { width: 240, height: 48, bins: 16, title: 'Steps per schedule', unit: (v) => `${formatCount(v)} steps` }),
        }
      : null,
    failures: failureViews(p, anchor),
  };
}

function caseView(c: CaseResult, slowest: boolean, failureAnchor: string | null): CaseView {
  const e = c.explored;
  return {
    name: c.name,
    verdict: badge(c.verdict),
    points: formatScore(c.points),
    maxPoints: formatScore(c.maxPoints),
    startOrders: formatCount(e.startOrders),
    schedules: c.failure ? `${formatCount(c.failure.schedulesToFailure)} (failed)` : formatCount(e.schedules),
    steps: formatCount(e.steps),
    strategies: e.strategies.join(', '),
    time: formatMs(c.timeMs),
    slowest,
    busyWaiting: e.busyWaiting,
    failureAnchor,
  };
}

/** Each failing case; one that fails as an earlier one did says so instead of repeating its trace. */
function failureViews(p: ProblemResult, anchor: string): FailureView[] {
  const failing = p.cases.filter((c) => c.failure);
  const same = sameFailures(failing);
  return p.cases.flatMap((c, i) => {
    if (!c.failure) return [];
    const like = same.get(c);
    const view = failureView(p, c, c.failure, `${anchor}-c${i}`, like?.name ?? null);
    if (like !== undefined) view.sameText = sameFailureText(c, like, (name) => `“${name}”`);
    return [view];
  });
}

/** `line 27` in the submission's own file; `Helper.ts:12` in another. */
function siteLabel(site: SourceSite | undefined, file: string): string {
  if (!site) return '';
  return site.file === path.basename(file) ? `line ${site.line}` : `${site.file}:${site.line}`;
}

function failureView(p: ProblemResult, c: CaseResult, f: Failure, anchor: string, sameAs: string | null): FailureView {
  const lane = swimlane(f);
  const s = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;
  return {
    anchor,
    caseName: c.name,
    verdict: badge(f.verdict),
    message: f.message,
    meta: `start order ${f.startOrder.join(' → ') || '–'} · found by ${strategyInWords(f.strategy)} after ${s(f.schedulesToFailure, 'schedule')}${f.shrunk ? ` · ${shrunkText(f.shrunk)}` : ''}`,
    reproduced: f.reproduced,
    notReplayed: f.replayed === false,
    cut: lane.runSteps > lane.traceSteps ? `the run took ${s(lane.runSteps, 'step')}; the trace shows its beginning and its end` : null,
    timed: f.trace.some((t) => t.time !== undefined),
    threads: lane.threads,
    span: lane.threads.length + 1,
    rows: lane.rows.map((r) => {
      const text = oneLine(r.step.text) + (r.step.repeat ? ` × ${formatCount(r.step.repeat)}` : '');
      return {
        step: r.step.step,
        kind: r.step.kind,
        site: siteLabel(r.step.site, p.file),
        line: p.source && r.step.site?.file === p.source.file ? r.step.site.line : null,
        switched: r.switched,
        span: r.lane < 0 ? text : null,
        cells: r.lanes.map((state) =>
          state === 'active'
            ? { on: true, state, text, title: r.step.time === undefined ? '' : `virtual time ${r.step.time} ms` }
            : { on: false, state, text: '', title: '' },
        ),
      };
    }),
    code: codeView(p, f),
    outputs: outputs(f),
    blocked: f.blocked?.length
      ? f.blocked.map((b) => ({
          thread: b.thread,
          waitsIn: b.waitsIn,
          site: formatSite(b.site, p.file),
          touched: b.lastTouches
            ? `last touched by ${b.lastTouches.map((t) => `${t.thread} at step ${t.step}: ${oneLine(t.text)}${t.site ? ` (${formatSite(t.site, p.file)})` : ''}`).join('; before that by ')}`
            : null,
        }))
      : null,
    stack: f.stack ?? null,
    notes: f.notes.length ? f.notes : null,
    replay: replayCommand(p.problem, p.file, f.replay),
    sameAs,
  };
}

/** The learner's file with the lines the failing run went through marked, when the result kept it. */
function codeView(p: ProblemResult, f: Failure): CodeView | null {
  if (!p.source) return null;
  const file = p.source.file;
  const hits = new Set(f.trace.flatMap((t) => (t.site?.file === file ? [t.site.line] : [])));
  for (const b of f.blocked ?? []) if (b.site?.file === file) hits.add(b.site.line);
  if (f.site?.file === file) hits.add(f.site.line);
  const err = f.site?.file === file ? f.site.line : -1;
  const lines = p.source.text.replace(/\n$/, '').split('\n').map((text, i) => ({ n: i + 1, text, hit: hits.has(i + 1), err: i + 1 === err }));
  return { file, lines };
}

function outputs(f: Failure): OutputsView | null {
  if (f.expected === undefined && f.actual === undefined) return null;
  const whole = (t: string | undefined): DiffSideView | null =>
    t === undefined ? null : { cutStart: false, before: oneLine(t), at: '', ended: false, after: '', cutEnd: false };
  const actualLabel = f.verdict === 'WA' ? 'Actual' : 'Printed so far';
  const d = f.expected !== undefined && f.actual !== undefined ? diffWindow(f.expected, f.actual, 60) : undefined;
  // A checker's words against what happened, with nothing in common: both whole, no marks.
  if (!d || (d.index === 0 && /\s/.test(f.expected!))) return { expected: whole(f.expected), actual: whole(f.actual), actualLabel, where: null, whole: null };
  const side = (x: DiffSide): DiffSideView => ({ ...x, before: oneLine(x.before), at: oneLine(x.at), after: oneLine(x.after), ended: x.at === '' });
  const where =
    f.actual!.length === d.index ? 'the actual output stops' : f.expected!.length === d.index ? 'the actual output goes on' : 'first difference';
  const cut = [d.expected, d.actual].some((x) => x.cutStart || x.cutEnd);
  return {
    expected: side(d.expected),
    actual: side(d.actual),
    actualLabel,
    where: `${where} at character ${formatCount(d.index + 1)}`,
    whole: cut ? { expected: oneLine(f.expected!), actual: oneLine(f.actual!) } : null,
  };
}
