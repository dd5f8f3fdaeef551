/**
 * Puts a guard call at the start of every `catch` block of the compiled learner code:
 * `catch (e) { … }` becomes `catch (e) { __il_caught(e, 2); … }` (and `catch { … }` gets a
 * binding); a `try … finally` without a catch gets one that only calls the guard and throws on.
 * How deep a recursion may go before the stack runs out depends on the machine and on how far V8
 * has optimised the code, so a solution that catches that error could behave
 * differently from run to run; the guard makes it the solution's run-time error, at the catch's
 * line, whatever it does next. (instrument.ts makes the edits.)
 */
import { unusedName, walk, type Insert, type Node } from './ast';

/** The endowment the guard calls (see endowments.ts). */
export const CATCH_GUARD = '__interleave_caught';
/** Its local alias, set once at the top of the module body (as loop-guard.ts's). */
const LOCAL = '__il_caught';
/** The binding given to a `catch` without one. */
const BINDING = '__il_error';

export interface CatchGuards {
  inserts: Insert[];
  /** What goes at the top of the module (the alias), when there is any `catch`. */
  declarations: string[];
  /** Where each `catch` is in the compiled code: [line (1-based), column (0-based)], by guard id. */
  catches: Array<[number, number]>;
}

/** The guard calls of every `catch` of `ast` (`code` is its text) whose error is bound to a name or to none. */
export function catchGuards(ast: Node, code: string): CatchGuards {
  const local = unusedName(code, LOCAL);
  const binding = unusedName(code, BINDING);
  const inserts: Insert[] = [];
  const catches: Array<[number, number]> = [];
  walk(ast, (node) => {
    if (node.type === 'TryStatement' && node.handler === null && node.finalizer !== null) {
      // `try { … } finally { return; }` swallows an error without a catch: a catch that only looks
      // at it and throws it on is put before the finally (the same code, but for the look).
      const block = node.block as Node;
      const finalizer = node.finalizer as Node;
      const id = catches.length;
      catches.push([finalizer.loc.start.line, finalizer.loc.start.column]);
      inserts.push({ at: block.end, text: ` catch (${binding}) { ${local}(${binding}, ${id}); throw ${binding}; }` });
      return;
    }
    if (node.type !== 'CatchClause') return;
    const param = node.param as Node | null;
    const body = node.body as Node;
    // A destructured error (`catch ({ message })`) is not kept whole: it cannot be looked at.
    if (param !== null && param.type !== 'Identifier') return;
    const id = catches.length;
    catches.push([node.loc.start.line, node.loc.start.column]);
    const name = param === null ? binding : (param.name as string);
    if (param === null) inserts.push({ at: body.start, text: `(${binding}) ` });
    inserts.push({ at: body.start + 1, text: `${local}(${name}, ${id});` });
  });
  return { inserts, catches, declarations: catches.length > 0 ? [`var ${local} = ${CATCH_GUARD};`] : [] };
}
