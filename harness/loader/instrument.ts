/**
 * The judge's edits of compiled learner code, made in one pass: guard calls in loops
 * (loop-guard.ts) and `catch` blocks (catch-guard.ts), shared bodies for lowered `async`
 * functions (shared-async.ts), their names in stacks (async-names.ts) and the place of each of
 * their `await`s (await-sites.ts), and literals and comments broken up where SES would refuse their
 * text (ses-text.ts). Each edit
 * only inserts text, never moves or deletes any, so every line stays where the source map says;
 * {@link ColumnShifts} maps a column of the edited code back to the compiled code's.
 */
import * as acorn from 'acorn';
import type { Insert, Node } from './ast';
import { asyncNames, naming } from './async-names';
import { awaitSites } from './await-sites';
import { catchGuards } from './catch-guard';
import { loopGuards } from './loop-guard';
import { sesTextInserts } from './ses-text';
import { sharedAsyncBodies } from './shared-async';

/** Per line of the compiled code (1-based): the insertions on it, as [column, length], by column. */
export type ColumnShifts = Record<number, Array<[number, number]>>;

export interface InstrumentedCode {
  code: string;
  /** Where each loop starts in the compiled code: [line (1-based), column (0-based)], by guard id. */
  loops: Array<[number, number]>;
  /** Where each `catch` is in the compiled code, likewise. */
  catches: Array<[number, number]>;
  /** Where each `await` is in the compiled code, likewise. */
  awaits: Array<[number, number]>;
  shifts: ColumnShifts;
}

/** Edits `code` (a CommonJS script, as esbuild writes it). */
export function instrument(code: string): InstrumentedCode {
  const comments: acorn.Comment[] = [];
  const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowReturnOutsideFunction: true, onComment: comments }) as unknown as Node;
  const guards = loopGuards(ast, code);
  const caught = catchGuards(ast, code);
  const names = asyncNames(ast);
  const shared = sharedAsyncBodies(ast, code, names);
  const named: Insert[] = [];
  for (const [generator, name] of names) {
    if (shared.shared.has(generator)) continue;
    const [open, close] = naming(name);
    named.push({ at: generator.start, text: open }, { at: generator.end, text: close });
  }
  const awaited = awaitSites(ast, code);
  const sesText = sesTextInserts(ast, code, comments);
  // Declarations the edits need, after the directive prologue ("use strict" must stay first).
  const declarations = [...guards.declarations, ...caught.declarations, ...shared.declarations, ...awaited.declarations];
  const sites = { loops: guards.loops, catches: caught.catches, awaits: awaited.awaits };
  if (declarations.length === 0 && sesText.length === 0 && named.length === 0) return { code, ...sites, shifts: {} };
  let prologueEnd = 0;
  for (const stmt of ast.body as Node[]) {
    if (stmt.directive === undefined) break;
    prologueEnd = stmt.end;
  }
  const inserts: Insert[] = [{ at: prologueEnd, text: declarations.join('') }, ...guards.inserts, ...caught.inserts, ...shared.inserts, ...named, ...awaited.inserts, ...sesText];
  // Stable: the declarations come before anything inserted at the same offset.
  const ordered = inserts.map((ins, i) => ({ ins, i })).sort((a, b) => a.ins.at - b.ins.at || a.i - b.i);
  const shifts: ColumnShifts = {};
  const lineStarts = lineStartsOf(code);
  let out = '';
  let from = 0;
  for (const { ins } of ordered) {
    out += code.slice(from, ins.at) + ins.text;
    from = ins.at;
    const line = lineOf(lineStarts, ins.at);
    (shifts[line] ??= []).push([ins.at - lineStarts[line - 1], ins.text.length]);
  }
  out += code.slice(from);
  return { code: out, ...sites, shifts };
}

/** A column of the edited code on `line`, as the column of the compiled code it came from. */
export function unshiftColumn(shifts: ColumnShifts | undefined, line: number, column: number): number {
  const list = shifts?.[line];
  if (!list) return column;
  let moved = 0;
  for (const [at, length] of list) {
    const start = at + moved;
    if (column < start) break;
    if (column < start + length) return at;
    moved += length;
  }
  return column - moved;
}

function lineStartsOf(code: string): number[] {
  const starts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of an offset (binary search over line starts). */
function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
