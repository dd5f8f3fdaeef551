/**
 * One generator function per lowered `async` method and run, instead of one per call.
 *
 * esbuild lowers `async hydrogen(release) { … }` to
 * `hydrogen(release) { return __async(this, null, function* () { … }); }`: every call makes a new
 * generator function, and V8 makes a new map (in the old generation) for the first generator
 * object of each: about 3 µs a call, ten scheduling steps' worth. The edit keeps the generator
 * where it is, so every line and name stays as it was, but makes it once and gives it the
 * method's parameters as its own:
 * `return __async(this, [release] || null, __il_async0 ??= (0, function* (release) { … }));`
 * (`__il_async0` is a `var` of the module, which runs afresh in every run). Where esbuild passes
 * `arguments` instead (default values, patterns, rest parameters), the generator already has the
 * parameters and only `__il_async0 ??= (0, …)` goes in.
 *
 * Only where that cannot change what the code does: the call is the whole body of a method or
 * function that is neither inside another function nor inside a loop (so it is made once per run,
 * and the scopes around it are the same at every call), the generator does not use `new.target`
 * or `eval` (nor `arguments`, unless esbuild passes them), names no binding of the scopes around
 * it other than the module's own top level (nor the method's parameters, where it has its own),
 * and declares no variable named as a parameter it is given.
 */
import { unusedName, walk, type Insert, type Node } from './ast';
import { loweredBody, naming } from './async-names';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

export interface SharedAsyncBodies {
  inserts: Insert[];
  /** The module's `var` of the shared generators, when there is any. */
  declarations: string[];
  /** The generators shared (each given its name, from `names`, by the same edit). */
  shared: Set<Node>;
}

/**
 * The edits that share the lowered async bodies of `ast` (`code` is its text); a shared generator
 * with a name in `names` (async-names.ts) is given it in the same edit.
 */
export function sharedAsyncBodies(ast: Node, code: string, names: ReadonlyMap<Node, string>): SharedAsyncBodies {
  const inserts: Insert[] = [];
  const shared = new Set<Node>();
  const vars: string[] = [];
  const prefix = unusedName(code, '__il_async');
  walk(ast, (node, ancestors) => {
    const plan = shareable(node, ancestors);
    if (plan === null) return;
    const name = `${prefix}${vars.length}`;
    vars.push(name);
    const { passed, generator, params } = plan;
    shared.add(generator);
    // Never named by the assignment (`__il_async0` in stacks): by the function's own name, or `(0, …)`.
    const given = names.get(generator);
    const [open, close] = given === undefined ? ['(0, ', ')'] : naming(given);
    inserts.push({ at: generator.start, text: `${name} ??= ${open}` }, { at: generator.end, text: close });
    if (params.length > 0) {
      inserts.push({ at: passed.start, text: `[${params.join(', ')}] || ` });
      inserts.push({ at: code.indexOf('(', generator.start) + 1, text: params.join(', ') });
    }
  });
  return { inserts, declarations: vars.length > 0 ? [`var ${vars.join(', ')};`] : [], shared };
}

interface Plan {
  /** esbuild's second argument: `null` or `arguments`. */
  passed: Node;
  generator: Node;
  params: string[];
}

function shareable(node: Node, ancestors: readonly Node[]): Plan | null {
  const generator = loweredBody(node);
  if (generator === null) return null;
  const passed = (node.arguments as Node[])[1];
  // esbuild passes `null` and leaves the parameters to the method, or (for defaults, patterns,
  // rest parameters, a body that reads `arguments`) passes `arguments` to a generator that has them.
  const withArguments = passed.type === 'Identifier' && passed.name === 'arguments';
  if (!withArguments && !(passed.type === 'Literal' && passed.raw === 'null' && (generator.params as Node[]).length === 0)) return null;
  // The function whose whole body the call is.
  const f = ancestors[ancestors.length - 1]?.type === 'ReturnStatement' ? ancestors[ancestors.length - 3] : ancestors[ancestors.length - 1];
  if (!f || !FUNCTIONS.has(f.type) || f.generator || f.async) return null;
  const body = f.body as Node;
  const whole =
    body === node ||
    (body.type === 'BlockStatement' && (body.body as Node[]).length === 1 && (body.body as Node[])[0] === ancestors[ancestors.length - 1]);
  if (!whole) return null;
  // Made once per run, in scopes that are the same at every call: nothing around it is a function or a loop.
  const around = ancestors.slice(1, ancestors.indexOf(f));
  if (around.some((a) => FUNCTIONS.has(a.type) || LOOPS.has(a.type))) return null;
  const params = [...new Set((f.params as Node[]).flatMap(boundNames))];
  const outer = new Set<string>(withArguments ? params : []);
  if (f.type === 'FunctionExpression' && f.id) outer.add((f.id as Node).name as string);
  for (const a of around) declaredIn(a, f, outer);
  // With `arguments` passed, the generator's own `arguments` is the method's; with `null`, it must not read them.
  const reaches = (n: Node): boolean =>
    (n.type === 'Identifier' && (outer.has(n.name as string) || n.name === 'eval' || (!withArguments && n.name === 'arguments'))) ||
    n.type === 'MetaProperty';
  if (mentions(generator, reaches)) return null;
  if (!withArguments) {
    // A `var` (or a function) of the body named as a parameter starts as undefined in esbuild's
    // generator, which has no parameters; given them, it would start with the parameter's value.
    const declared = new Set<string>();
    declaredIn(generator.body as Node, null, declared);
    if (params.some((p) => declared.has(p))) return null;
  }
  return { passed, generator, params: withArguments ? [] : params };
}

/** The names a parameter or declaration pattern binds. */
function boundNames(p: Node | null): string[] {
  if (p === null) return [];
  switch (p.type) {
    case 'Identifier':
      return [p.name as string];
    case 'AssignmentPattern':
      return boundNames(p.left as Node);
    case 'RestElement':
      return boundNames(p.argument as Node);
    case 'ArrayPattern':
      return (p.elements as Array<Node | null>).flatMap(boundNames);
    case 'ObjectPattern':
      return (p.properties as Node[]).flatMap((q) => boundNames((q.type === 'Property' ? q.value : q.argument) as Node));
    default:
      return [];
  }
}

/** Adds every name declared in `node`'s subtree, but not inside `skip`, to `out`. */
function declaredIn(node: Node, skip: Node | null, out: Set<string>): void {
  walk(node, (n) => {
    if (n === skip) return false;
    if (n.type === 'VariableDeclarator') for (const name of boundNames(n.id as Node)) out.add(name);
    if ((FUNCTIONS.has(n.type) || n.type === 'ClassDeclaration' || n.type === 'ClassExpression') && n.id) out.add((n.id as Node).name as string);
    if (FUNCTIONS.has(n.type)) for (const name of (n.params as Node[]).flatMap(boundNames)) out.add(name);
    if (n.type === 'CatchClause') for (const name of boundNames(n.param as Node | null)) out.add(name);
    return true;
  });
}

/** Does any node under `node` match? */
function mentions(node: Node, match: (n: Node) => boolean): boolean {
  let found = false;
  walk(node, (n) => {
    if (!found && match(n)) found = true;
  });
  return found;
}
