/**
 * A failing run for a terminal: the interleaving in columns (one per thread), expected vs actual
 * with the first difference marked, blocked threads, the stack, notes and the replay command.
 */
import type { Failure } from '../model/result';
import { diffWindow, type DiffSide } from './diff';
import { formatCount, formatSite } from './format';
import { replayCommand } from './replay';
import { strategyInWords } from './strategy-words';
import { swimlane, type Swimlane, type SwimRow } from './swimlane';
import { oneLine, pad, table, type Style } from './terminal';

export interface FailureContext {
  problem: string;
  file: string;
  caseName: string;
}

export interface TraceOptions {
  /** Terminal width to fit the columns in. */
  width: number;
  /** Show every step the judge kept instead of the last `maxRows`. */
  fullTrace: boolean;
  maxRows: number;
}

const INDENT = '  ';
/** A narrower lane could not hold `Lock.acquire()`; below it the trace is printed as a list. */
const MIN_LANE = 14;
const MAX_LANE = 34;

/** The whole failure block, as lines without a trailing newline. */
export function formatFailure(f: Failure, ctx: FailureContext, s: Style, opts: TraceOptions): string[] {
  const lines: string[] = [];
  lines.push(`${s.verdict(f.verdict)} ${s.bold(`case ${ctx.caseName}`)}: ${oneLine(f.message)}`);
  const how = [
    `start order ${f.startOrder.join(', ') || '–'}`,
    `found by ${strategyInWords(f.strategy)} after ${formatCount(f.schedulesToFailure)} schedule${f.schedulesToFailure === 1 ? '' : 's'}`,
    ...(f.shrunk ? [shrunkText(f.shrunk)] : []),
    f.replayed === false
      ? 'no trace (a clock stopped the run, and would stop a traced replay the same way)'
      : f.reproduced
        ? 'replay reproduces it'
        : s.yellow('replay did NOT reproduce it (report this as a judge bug)'),
  ];
  lines.push(INDENT + s.dim(how.join(' · ')), '');
  // A failure shown as found (not replayed) has no trace: no empty table.
  if (f.trace.length > 0) lines.push(...formatTrace(swimlane(f, opts.fullTrace ? Infinity : opts.maxRows), s, opts.width, ctx.file).map((l) => INDENT + l), '');
  lines.push(...formatOutputs(f, s));
  if (f.blocked?.length) {
    const rows = f.blocked.map((b) => [s.bold(b.thread), `waits in ${oneLine(b.waitsIn)}`, s.dim(formatSite(b.site, ctx.file))]);
    lines.push(INDENT + s.bold('blocked'), ...table(rows).map((l) => INDENT + INDENT + l));
    // Once per object: threads that wait on the same one share its story.
    const told = new Map<string, string[]>();
    for (const b of f.blocked) {
      if (!b.lastTouches) continue;
      const touches = b.lastTouches.map((t) => `${t.thread} at step ${t.step}: ${oneLine(t.text)}${t.site ? ` (${formatSite(t.site, ctx.file)})` : ''}`);
      const story = touches.join('; before that by ');
      told.set(story, [...(told.get(story) ?? []), b.thread]);
    }
    for (const [story, threads] of told) {
      const who = threads.length === 1 ? `${threads[0]} waits on was` : `${threads.join(', ')} wait on was`;
      lines.push(`${INDENT}${INDENT}${s.dim(`what ${who} last touched by ${story}`)}`);
    }
  }
  if (f.stack) lines.push(INDENT + s.bold('stack'), ...f.stack.split('\n').map((l) => INDENT + INDENT + oneLine(l)));
  if (f.notes.length) lines.push(INDENT + s.bold('notes'), ...f.notes.map((n) => `${INDENT}${INDENT}- ${oneLine(n)}`));
  lines.push(`${INDENT}${s.bold('replay')}  ${s.cyan(replayCommand(ctx.problem, ctx.file, f.replay))}`);
  return lines;
}

/**
 * The trace in columns: step number, one lane per thread, the learner's `file:line` last. The
 * acting thread's cell holds the step's text, wrapped (never cut) when the lane is narrow; a
 * blocked thread's lane shows `┆` until it wakes; `›` after the step marks a switch to another
 * thread; a row the judge folded says how often it repeated. Rows across all lanes (time passing)
 * span the table. Falls back to a list (`[thread] text`) when the lanes would not fit in `width`.
 * Sites in `file` (the submission) show its base name only.
 */
export function formatTrace(lane: Swimlane, s: Style, width: number, file?: string): string[] {
  const site = (r: SwimRow) => formatSite(r.step.site, file);
  const head: string[] = [];
  // The judge keeps a long run's beginning and end; of those, the console shows the last rows.
  const long = lane.runSteps > lane.traceSteps;
  if (long) {
    const shown = lane.cutFromStart ? 'below, its last rows; --full-trace shows its beginning too' : 'the trace shows its beginning and its end';
    head.push(s.dim(`(the run took ${formatCount(lane.runSteps)} steps; ${shown})`));
  }
  if (lane.cutFromStart) head.push(s.dim(`… ${formatCount(lane.cutFromStart)} earlier row${lane.cutFromStart === 1 ? '' : 's'} not shown${long ? '' : ' (--full-trace shows every row)'}`));
  const stepW = Math.max(4, String(lane.rows.at(-1)?.step.step ?? 0).length) + 1;
  const srcW = Math.max(6, ...lane.rows.map((r) => site(r).length));
  const widths = laneWidths(lane, width - INDENT.length - stepW - srcW - 2 * (lane.threads.length + 1));
  const paint = (kind: string, t: string) =>
    kind === 'block' ? s.yellow(t) : kind === 'wake' ? s.green(t) : kind === 'throw' ? s.red(t) : kind === 'emit' ? s.bold(t) : kind === 'note' ? s.dim(t) : t;
  const stepCell = (r: SwimRow) => pad(`${r.step.step}${r.switched ? '›' : ' '}`, stepW, 'right');

  if (!widths) {
    const nameW = Math.max(...lane.threads.map((t) => t.length));
    return [
      ...head,
      ...lane.rows.map((r) => {
        const who = r.lane < 0 ? '' : `[${lane.threads[r.lane]}]`;
        return `${stepCell(r)}  ${pad(who, nameW + 2)}  ${paint(r.step.kind, rowText(r))}  ${s.dim(site(r))}`.trimEnd();
      }),
    ];
  }
  const header = [pad('step', stepW, 'right'), ...lane.threads.map((t, i) => pad(t, widths[i])), 'source'].join('  ');
  const body = lane.rows.flatMap((r) => {
    if (r.lane < 0) return [`${stepCell(r)}  ${s.dim(`── ${rowText(r)} ──`)}`];
    const wrapped = wrap(rowText(r), widths[r.lane]);
    return wrapped.map((piece, k) => {
      const cells = r.lanes.map((st, i) => {
        if (st === 'active') return pad(paint(r.step.kind, piece), widths[i]);
        return pad(st === 'blocked' ? s.dim('┆') : '', widths[i]);
      });
      return [k === 0 ? stepCell(r) : ' '.repeat(stepW), ...cells, k === 0 ? s.dim(site(r)) : ''].join('  ').trimEnd();
    });
  });
  const legend = [
    s.dim(`${lane.rows.some((r) => r.lanes.includes('blocked')) ? '┆ blocked, waiting to be woken   ' : ''}› another thread runs from here`),
    s.dim(`a step runs one thread from one switch point (${file?.endsWith('.py') ? 'a threading operation' : 'an await'}) to the next: rows with one number are one step`),
  ];
  return [...head, s.bold(header), ...body, ...legend];
}

/** How much shorter the run shown is than the one found. */
export function shrunkText(x: NonNullable<Failure['shrunk']>): string {
  const sw = (n: number) => `${formatCount(n)} switch${n === 1 ? '' : 'es'}`;
  return `shrunk to ${sw(x.switches)} between threads (found with ${sw(x.originalSwitches)})`;
}

/** A row's text on one line, with how often a folded row repeated. */
function rowText(r: SwimRow): string {
  const t = oneLine(r.step.text);
  return r.step.repeat ? `${t}  × ${formatCount(r.step.repeat)}` : t;
}

/** Splits text into pieces of at most `width` columns, at spaces where it can. */
export function wrap(text: string, width: number): string[] {
  const chars = [...text];
  if (chars.length <= width) return [text];
  const out: string[] = [];
  let rest = chars;
  while (rest.length > width) {
    // Before ` → ` (what was done, then what came of it), else at a space, else between the
    // parts of an expression (after a `.` or `,`, before a `[` or `(`: `this.turn` /
    // `[owner(this.cur)].` / `release()`), else anywhere.
    const line = rest.join('');
    const arrow = line.lastIndexOf(' → ', width);
    let cut = arrow > 0 ? [...line.slice(0, arrow)].length : rest.lastIndexOf(' ', width);
    if (cut <= 0) {
      for (let i = width; i > 0 && cut <= 0; i--) {
        if (rest[i - 1] === '.' || rest[i - 1] === ',' || rest[i] === '[' || (rest[i] === '(' && rest[i + 1] !== ')')) cut = i;
      }
    }
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest = rest.slice(1);
  }
  if (rest.length) out.push(rest.join(''));
  return out;
}

/**
 * Each lane as wide as its longest text (at most MAX_LANE), narrowing the widest lanes first
 * until they fit in `room`; undefined when even MIN_LANE each would not fit.
 */
function laneWidths(lane: Swimlane, room: number): number[] | undefined {
  const n = lane.threads.length;
  if (n === 0 || room / n < MIN_LANE) return undefined;
  const widths = lane.threads.map((t) => Math.min(MAX_LANE, t.length));
  for (const r of lane.rows) if (r.lane >= 0) widths[r.lane] = Math.min(MAX_LANE, Math.max(widths[r.lane], [...rowText(r)].length));
  let excess = widths.reduce((a, b) => a + b, 0) - room;
  while (excess > 0) {
    widths[widths.indexOf(Math.max(...widths))]--;
    excess--;
  }
  return widths;
}

/** Expected and actual on two aligned lines, a caret under the first difference. */
function formatOutputs(f: Failure, s: Style): string[] {
  if (f.expected === undefined && f.actual === undefined) return [];
  const label = (t: string) => INDENT + s.bold(pad(t, 10));
  // Only a wrong answer's output is judged wrong; any other failure shows what was printed so far.
  const actual = f.verdict === 'WA' ? 'actual' : 'printed';
  if (f.expected === undefined || f.actual === undefined) {
    // A result the run never got as far as producing (it failed first) says so beside what was expected.
    return f.expected !== undefined
      ? [label('expected') + oneLine(f.expected), label('actual') + s.dim('(not read: the run failed before its result was)')]
      : [label(actual) + (f.actual ? oneLine(f.actual) : s.dim('(nothing)'))];
  }
  const d = diffWindow(f.expected, f.actual, 30);
  if (!d) return [label('expected') + oneLine(f.expected), label('actual') + oneLine(f.actual) + s.dim('  (same text)')];
  const show = (side: DiffSide, paint: (x: string) => string) =>
    `${side.cutStart ? '…' : ''}${oneLine(side.before)}${paint(oneLine(side.at))}${oneLine(side.after)}${side.cutEnd ? '…' : ''}`;
  const column = (d.expected.cutStart ? 1 : 0) + [...d.expected.before].length;
  const where = f.actual.length === d.index ? 'actual output ends here' : f.expected.length === d.index ? 'actual output goes on' : 'first difference';
  if (f.actual === '') return [label('expected') + oneLine(f.expected), label(actual) + s.dim('(nothing)')];
  // A checker's words ("every produced message stored once") against what happened ("4 produced,
  // 3 stored"), different from the first character on: both whole, no caret.
  if (d.index === 0 && /\s/.test(f.expected)) return [label('expected') + oneLine(f.expected), label(actual) + oneLine(f.actual)];
  return [
    label('expected') + show(d.expected, s.green),
    label(actual) + show(d.actual, s.red) + (d.actual.at === '' ? s.dim(' (ends)') : ''),
    INDENT + ' '.repeat(10 + column) + s.yellow(`^ ${where} at character ${d.index + 1}`),
  ];
}
