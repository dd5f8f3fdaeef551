/**
 * The terminal base the console formatters share: ANSI styles that vanish when colour is off,
 * and width-aware padding and tables. Colour is always the caller's decision (TTY, NO_COLOR).
 */
import { inertCommands } from './workflow-commands';
import type { Verdict } from '../model/result';

type Paint = (s: string) => string;

export interface Style {
  bold: Paint;
  dim: Paint;
  red: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
  magenta: Paint;
  /** The verdict's colour: green for AC, red for wrong answers and errors, and so on. */
  verdict(v: Verdict, text?: string): string;
}

const sgr = (open: number, close: number): Paint => (s) => (s ? `\u001b[${open}m${s}\u001b[${close}m` : s);
const plain: Paint = (s) => s;

/** A palette; with `color: false` every style is the identity, so output is plain text. */
export function style(color: boolean): Style {
  const p = color
    ? { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), green: sgr(32, 39), yellow: sgr(33, 39), cyan: sgr(36, 39), magenta: sgr(35, 39) }
    : { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain, magenta: plain };
  const byVerdict: Record<Verdict, Paint> = {
    AC: p.green,
    WA: p.red,
    DL: p.magenta,
    TLE: p.yellow,
    RTE: p.red,
    CE: p.yellow,
    MLE: p.yellow,
    OLE: p.yellow,
    JE: p.cyan,
  };
  return { ...p, verdict: (v, text = v) => p.bold(byVerdict[v](text)) };
}

/** Length as the terminal shows it: ANSI codes and zero-width joiners take no room; astral characters count once. */
export function visibleLength(s: string): number {
  return [...s.replace(/\u001b\[[0-9;]*m/g, '').replace(/[\u200b-\u200d\u2060]/g, '')].length;
}

/** Pads (already styled) text to `width` visible columns. */
export function pad(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(s)));
  return align === 'left' ? s + fill : fill + s;
}

/** Cuts plain text to `width` columns, ending with `…` when it was cut. */
export function truncate(s: string, width: number): string {
  const chars = [...s];
  if (chars.length <= width) return s;
  return width <= 1 ? '…'.slice(0, width) : `${chars.slice(0, width - 1).join('')}…`;
}

/**
 * Flattens learner text to one line: newlines and tabs become visible marks, other control
 * characters (an ANSI escape printed by a submission, say, or C1's one-byte CSI) become `�` so
 * they cannot drive the terminal, and so do the marks that reorder text right to left (U+202E
 * would show a submission's output, or the judge's words after it, reversed); a leading `::` or
 * any `##[` cannot start a GitHub workflow command.
 */
export function oneLine(s: string): string {
  // One character for one character (the joiners inertCommands adds take no room), so that
  // columns computed on the raw text still line up.
  return inertCommands(s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => (c === '\n' ? '⏎' : c === '\t' ? '→' : '�')));
}

/**
 * A name from the submissions folder, as a person can tell it from another: {@link oneLine}, and
 * quoted where it would look like another name (a space at either end: `"v1 "` beside `v1`; an
 * accent written as two characters, which looks like the one-character form of another folder).
 */
export function nameLabel(name: string): string {
  return oneLine(name !== name.trim() || name !== name.normalize('NFC') ? JSON.stringify(name) : name);
}

/**
 * Lays out rows of cells in columns two spaces apart; widths come from the widest cell.
 * Cells may be styled: widths are measured without the escape codes.
 */
export function table(rows: string[][], align: ('left' | 'right')[] = []): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(c))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 && align[i] !== 'right' ? c : pad(c, widths[i], align[i]))).join('  ').trimEnd());
}
