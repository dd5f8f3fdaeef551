/**
 * Text SES refuses anywhere in a script without parsing it (its rejections are plain regular
 * expressions over the source): `<!--` and `-->`, which some parsers read as comments, `import(`
 * and `import//` (a dynamic import) and `eval(` (a direct eval). In compiled learner code these
 * are mostly harmless: a string `"see import(x)"`, a comment that quotes HTML. Inside string
 * literals, template text and comments this file breaks each one up by inserting a character
 * that changes nothing a program can observe: in a literal an identity escape (`<\!--` is the
 * same string as `<!--`), in a comment an underscore. Code itself is left as it is, so a real
 * `import()` or `eval()` is still refused (see typescript.ts for its message).
 *
 * Left alone: regular expression literals (an escape there depends on the flags) and the raw
 * text of a tagged template (`String.raw` would see the backslash).
 */
import { walk, type Insert, type Node } from './ast';

/** SES's patterns, as in ses/src/transforms.js; the group before the last char is what we split. */
const REFUSED = /<(?=!--)|--(?=>)|(?:^|[^.]|\.\.\.)\b(?:import|eval)\s*(?=\(|\/[/*])/g;

/** Where to insert so that none of SES's patterns matches `text` (offsets into it). */
function splits(text: string): number[] {
  const out: number[] = [];
  REFUSED.lastIndex = 0;
  for (let m = REFUSED.exec(text); m !== null; m = REFUSED.exec(text)) {
    out.push(m.index + m[0].length);
    if (m[0].length === 0) REFUSED.lastIndex++;
  }
  return out;
}

/** A comment acorn reported (its `onComment` array). */
export interface Comment {
  start: number;
  end: number;
}

/** The insertions that make `code` acceptable to SES where only literals and comments stood in the way. */
export function sesTextInserts(ast: Node, code: string, comments: readonly Comment[]): Insert[] {
  const inserts: Insert[] = [];
  const add = (start: number, end: number, text: string): void => {
    for (const at of splits(code.slice(start, end))) inserts.push({ at: start + at, text });
  };
  walk(ast, (n, ancestors) => {
    if (n.type === 'Literal' && typeof n.value === 'string') add(n.start, n.end, '\\');
    else if (n.type === 'TemplateElement' && ancestors.at(-2)?.type !== 'TaggedTemplateExpression') add(n.start, n.end, '\\');
  });
  for (const c of comments) add(c.start, c.end, '_');
  return inserts;
}
