/**
 * Tells the judge where each `await` of the compiled learner code is: in the generator esbuild
 * makes of an `async` function, `yield x` (an `await x`) becomes `yield __il_await((x), 4)`. The
 * judge's operations know their line already (they are called from it); a promise of the
 * learner's own (`await new Promise((r) => this.waiters.push(r))`) only ever reaches the judge
 * after the generator stopped, with no stack left to read, so its trace rows had no line. The
 * call hands the value back untouched and, only while a trace is recorded, notes the id.
 * (instrument.ts makes the edits.)
 */
import { unusedName, walk, type Insert, type Node } from './ast';
import { loweredBody } from './async-names';

/** The endowment the call goes to (see endowments.ts). */
export const AWAIT_SITE = '__interleave_await';
/** Its local alias, set once at the top of the module body (as loop-guard.ts's). */
const LOCAL = '__il_await';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

export interface AwaitSites {
  inserts: Insert[];
  /** What goes at the top of the module (the alias), when there is any `await`. */
  declarations: string[];
  /** Where each `await` is in the compiled code: [line (1-based), column (0-based)], by id. */
  awaits: Array<[number, number]>;
}

/** The calls around every `await` of the lowered `async` functions of `ast` (`code` is its text). */
export function awaitSites(ast: Node, code: string): AwaitSites {
  const local = unusedName(code, LOCAL);
  const inserts: Insert[] = [];
  const awaits: Array<[number, number]> = [];
  walk(ast, (node) => {
    const generator = loweredBody(node);
    if (generator === null) return;
    walk(generator.body as Node, (n) => {
      // A function inside is another function: its own `yield`s, or its own lowered body (visited by the outer walk).
      if (FUNCTIONS.has(n.type)) return false;
      if (n.type !== 'YieldExpression' || n.delegate || !n.argument) return;
      const argument = n.argument as Node;
      const id = awaits.length;
      awaits.push([n.loc.start.line, n.loc.start.column]);
      // Parenthesised: the argument may be a sequence (`await (a, b)`), whose node leaves its parentheses out.
      inserts.push({ at: argument.start, text: `${local}((` }, { at: argument.end, text: `), ${id})` });
    });
  });
  return { inserts, awaits, declarations: awaits.length > 0 ? [`var ${local} = ${AWAIT_SITE};`] : [] };
}
