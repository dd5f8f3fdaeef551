/**
 * Puts a guard call at the start of every loop body of the compiled learner code:
 * `while (x) { … }` becomes `while (x) { __interleave_loop(3); … }`. The judge counts the calls
 * of a step, so a loop that never reaches a switch point is stopped, and named, long before the
 * wall-clock limit; and it knows which loop a thread last went round, so a thread that spins on
 * `await null` is shown at its loop's line.
 *
 * The inserted text moves columns on its line: {@link ColumnShifts} maps positions in the guarded
 * code back to the compiled code, which the source map covers.
 */
import * as acorn from 'acorn';

/** The endowment the guard calls (see endowments.ts). */
export const LOOP_GUARD = '__interleave_loop';
/**
 * A local alias of it, set once at the top of the module body: a compartment reaches its globals
 * through a scope proxy (hundreds of ns a lookup), a local variable costs nothing.
 */
const LOCAL = '__il_loop';

/** Per line of the compiled code (1-based): the insertions on it, as [column, length], by column. */
export type ColumnShifts = Record<number, Array<[number, number]>>;

export interface GuardedCode {
  code: string;
  /** Where each loop starts in the compiled code: [line (1-based), column (0-based)], by guard id. */
  loops: Array<[number, number]>;
  shifts: ColumnShifts;
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

interface Node {
  type: string;
  start: number;
  end: number;
  loc: { start: { line: number; column: number } };
  body?: Node | Node[];
  directive?: string;
}

/** Guards every loop of `code` (a CommonJS script, as esbuild writes it). */
export function guardLoops(code: string): GuardedCode {
  const ast = acorn.parse(code, { ecmaVersion: 'latest', sourceType: 'script', locations: true, allowReturnOutsideFunction: true }) as unknown as Node;
  const inserts: Array<{ at: number; text: string }> = [];
  const loops: Array<[number, number]> = [];
  walk(ast, (node) => {
    if (!LOOPS.has(node.type) || !node.body || Array.isArray(node.body)) return;
    const id = loops.length;
    loops.push([node.loc.start.line, node.loc.start.column]);
    const call = `${LOCAL}(${id});`;
    const body = node.body;
    if (body.type === 'BlockStatement') {
      inserts.push({ at: body.start + 1, text: call });
    } else {
      inserts.push({ at: body.start, text: `{${call}` }, { at: body.end, text: '}' });
    }
  });
  if (inserts.length === 0) return { code, loops, shifts: {} };
  // The alias, after the directive prologue ("use strict" must stay first).
  const top = Array.isArray(ast.body) ? ast.body : [];
  let prologueEnd = 0;
  for (const stmt of top) {
    if (stmt.directive === undefined) break;
    prologueEnd = stmt.end;
  }
  inserts.push({ at: prologueEnd, text: `var ${LOCAL} = ${LOOP_GUARD};` });
  // Stable: the alias comes before a guard inserted at the same offset.
  inserts.sort((a, b) => a.at - b.at || (a.text.startsWith('var ') ? -1 : b.text.startsWith('var ') ? 1 : 0));
  const shifts: ColumnShifts = {};
  const lineStarts = lineStartsOf(code);
  let out = '';
  let from = 0;
  for (const ins of inserts) {
    out += code.slice(from, ins.at) + ins.text;
    from = ins.at;
    const line = lineOf(lineStarts, ins.at);
    (shifts[line] ??= []).push([ins.at - lineStarts[line - 1], ins.text.length]);
  }
  out += code.slice(from);
  return { code: out, loops, shifts };
}

/** A column of the guarded code on `line`, as the column of the compiled code it came from. */
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

function walk(node: Node, visit: (n: Node) => void): void {
  visit(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) walk(v, visit);
    } else if (isNode(value)) walk(value, visit);
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';
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
