/**
 * How deeply a source file nests brackets, read before any parser sees it. The parsers that read
 * learner code recurse once per level: esbuild's, in the grader, dies of a stack overflow past
 * about 150,000 levels (`export const x = [[[[…]]]]`, 680 KB), and took every classmate's compile
 * in flight with it; acorn's, in the worker (instrument.ts), gives out near 1,000. No solution
 * nests more than a few dozen levels, so a file past {@link MAX_NESTING} is a compile error at the
 * line where it goes too deep, before either parser runs.
 */

/** Levels of brackets a file may nest: honest code uses a few dozen; acorn in a worker reads about 1,000. */
export const MAX_NESTING = 500;

/** Where a file first nests brackets deeper than {@link MAX_NESTING} (1-based line and column), if it does. */
export function tooDeep(source: string): { line: number; column: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  // Open template literals, by the bracket depth of their `${`: a `}` at that depth resumes the template.
  const templates: number[] = [];
  let i = 0;
  const n = source.length;
  const skipString = (quote: string): void => {
    for (i++; i < n && source[i] !== quote && source[i] !== '\n'; i++) if (source[i] === '\\') i++;
  };
  /** Inside a template literal's text: up to its end (back to code) or a `${` (code nested in it). */
  const templateText = (): void => {
    for (; i < n; i++) {
      const c = source[i];
      if (c === '\\') i++;
      else if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c === '`') return;
      else if (c === '$' && source[i + 1] === '{') {
        i++;
        templates.push(depth);
        depth++;
        return;
      }
    }
  };
  for (; i < n; i++) {
    const c = source[i];
    if (c === '\n') {
      line++;
      lineStart = i + 1;
    } else if (c === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      i--;
    } else if (c === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 1;
      for (; i < stop; i++) if (source[i] === '\n') (line++, (lineStart = i + 1));
    } else if (c === '"' || c === "'") {
      skipString(c);
    } else if (c === '`') {
      i++;
      templateText();
    } else if (c === '(' || c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return { line, column: i - lineStart + 1 };
    } else if (c === ')' || c === ']' || c === '}') {
      if (c === '}' && templates.length > 0 && templates[templates.length - 1] === depth - 1) {
        templates.pop();
        depth--;
        i++;
        templateText();
        continue;
      }
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

/** The compile error's words for a file that nests too deeply, after `where` (`Foo.ts:3:17`) if given. */
export function tooDeepMessage(where?: string): string {
  return (
    `${where ? `${where}: ` : ''}brackets nested more than ${MAX_NESTING} levels deep here; the judge does not read code nested ` +
    'this deeply (no solution needs it). Write the value or expression with less nesting.'
  );
}
