/**
 * Text SES refuses anywhere in a script without parsing it (its rejections are plain regular
 * expressions over the source): `<!--` and `-->`, which some parsers read as comments, `import(`
 * and `import//` (a dynamic import) and `eval(` (a direct eval). In compiled learner code these
 * are mostly harmless: a string `"see import(x)"`, a comment that quotes HTML. Inside literals
 * and comments this file breaks each one up by inserting text that changes nothing the program
 * computes: in a string or template an identity escape (`<\!--` is the same string as `<!--`),
 * in a tagged template an empty substitution (`String.raw` joins the same text; another tag sees
 * one more empty part), in a regular expression an empty group outside a character class
 * (`ev(?:)al(` matches what `eval(` does; its `source` shows the group), in a comment an
 * underscore. Code itself is left as it is, so a real `import()` or `eval()` is still refused
 * (see typescript.ts for its message), as is a character class that holds such text.
 */
import { walk, type Insert, type Node } from './ast';

/** SES's patterns, as in ses/src/transforms.js; the group before the last char is what we split. */
const REFUSED = /<(?=!--)|--(?=>)|(?:^|[^.]|\.\.\.)\b(?:import|eval)\s*(?=\(|\/[/*])/g;

/** Where to insert so that none of SES's patterns matches `text` (offsets into it). */
function splits(text: string, insideWord = false): number[] {
  const out: number[] = [];
  REFUSED.lastIndex = 0;
  for (let m = REFUSED.exec(text); m !== null; m = REFUSED.exec(text)) {
    const word = /(import|eval)\s*$/.exec(m[0]);
    // Where what is inserted starts with `(` (a regular expression's empty group), `import` and
    // `eval` are split inside the word instead: `im(?:)port(`.
    out.push(insideWord && word ? m.index + word.index + 2 : m.index + m[0].length);
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
  const add = (start: number, end: number, text: string, where: (at: number) => boolean = () => true): void => {
    for (const at of splits(code.slice(start, end), text.startsWith('('))) if (where(at)) inserts.push({ at: start + at, text });
  };
  walk(ast, (n, ancestors) => {
    if (n.type === 'Literal' && typeof n.value === 'string') add(n.start, n.end, '\\');
    else if (n.type === 'Literal' && n.regex !== undefined) add(n.start, n.end, '(?:)', outsideClass(code.slice(n.start, n.end)));
    else if (n.type === 'TemplateElement') add(n.start, n.end, ancestors.at(-2)?.type === 'TaggedTemplateExpression' ? '${""}' : '\\');
  });
  for (const c of comments) add(c.start, c.end, '_');
  return inserts;
}

/** For a regular expression literal's text: is an offset into it outside any `[…]` class? */
function outsideClass(literal: string): (at: number) => boolean {
  const inClass: boolean[] = [];
  let open = false;
  for (let i = 0; i < literal.length; i++) {
    inClass[i] = open;
    const c = literal[i];
    if (c === '\\') {
      inClass[++i] = open;
    } else if (c === '[') open = true;
    else if (c === ']') open = false;
  }
  return (at) => !inClass[at];
}
