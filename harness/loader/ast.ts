/**
 * The compiled learner code's syntax tree (acorn's), as the judge's edits read it
 * (instrument.ts), and the one kind of edit they make: inserting text.
 */

/** An acorn node. */
export interface Node {
  type: string;
  start: number;
  end: number;
  loc: { start: { line: number; column: number } };
  [key: string]: unknown;
}

/** Text to insert at an offset of the compiled code. */
export interface Insert {
  at: number;
  text: string;
}

/**
 * Visits every node under `node` (itself first), with the nodes above it, outermost first; a
 * visit that returns false skips what is under that node.
 */
export function walk(node: Node, visit: (n: Node, ancestors: readonly Node[]) => boolean | void, ancestors: Node[] = []): void {
  if (visit(node, ancestors) === false) return;
  ancestors.push(node);
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) walk(v, visit, ancestors);
    } else if (isNode(value)) walk(value, visit, ancestors);
  }
  ancestors.pop();
}

export function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && typeof (v as Node).type === 'string';
}

/**
 * `base`, or `base` with underscores after it, so that the name occurs nowhere in `code`: a name
 * the judge adds to learner code can never be one the learner declared (and so replaced).
 */
export function unusedName(code: string, base: string): string {
  let name = base;
  while (code.includes(name)) name += '_';
  return name;
}
