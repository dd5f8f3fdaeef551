/**
 * Puts a guard call at the start of every loop body of the compiled learner code:
 * `while (x) { … }` becomes `while (x) { __il_loop(3); … }`. The judge counts the calls of a
 * step, so a loop that never reaches a switch point is stopped, and named, long before the
 * wall-clock limit; and it knows which loop a thread last went round, so a thread that spins on
 * `await null` is shown at its loop's line. (instrument.ts makes the edits.)
 */
import { unusedName, walk, type Insert, type Node } from './ast';

/** The endowment the guard calls (see endowments.ts). */
export const LOOP_GUARD = '__interleave_loop';
/**
 * The name of a local alias of it, set once at the top of the module body: a compartment reaches
 * its globals through a scope proxy (hundreds of ns a lookup), a local variable costs nothing.
 * (With underscores added when the learner's code uses the name: see unusedName.)
 */
const LOCAL = '__il_loop';

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

export interface LoopGuards {
  inserts: Insert[];
  /** What goes at the top of the module (the alias), when there is any loop. */
  declarations: string[];
  /** Where each loop starts in the compiled code: [line (1-based), column (0-based)], by guard id. */
  loops: Array<[number, number]>;
}

/** The guard calls of every loop of `ast` (`code` is its text). */
export function loopGuards(ast: Node, code: string): LoopGuards {
  const local = unusedName(code, LOCAL);
  const inserts: Insert[] = [];
  const loops: Array<[number, number]> = [];
  walk(ast, (node) => {
    const body = node.body as Node | Node[] | undefined;
    if (!LOOPS.has(node.type) || !body || Array.isArray(body)) return;
    const id = loops.length;
    loops.push([node.loc.start.line, node.loc.start.column]);
    const call = `${local}(${id});`;
    if (body.type === 'BlockStatement') {
      inserts.push({ at: body.start + 1, text: call });
    } else {
      inserts.push({ at: body.start, text: `{${call}` }, { at: body.end, text: '}' });
    }
  });
  return { inserts, loops, declarations: loops.length > 0 ? [`var ${local} = ${LOOP_GUARD};`] : [] };
}
