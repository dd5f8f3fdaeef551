/**
 * The name of a lowered `async` function, given to the generator that runs its body, so that a
 * stack names the method a line is in.
 *
 * esbuild lowers `async helper(i) { … }` to `helper(i) { return __async(this, null, function* () { … }); }`:
 * the body runs in an anonymous generator, and V8 named its frames `FooBar.eval` (a stack read
 * `at FooBar (throw.ts:6:24)` for a line of `helper`, and the same for a line of `foo`). The edit
 * gives the generator the method's name the way only a property key does, without a binding a
 * name would add inside it (a `function* helper` would shadow a module function `helper` the body
 * calls): `({ "helper": function* () { … } })["helper"]`.
 */
import type { Node } from './ast';
import { walk } from './ast';

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** The text to put before and after a generator expression to give it `name`. */
export function naming(name: string): [string, string] {
  const key = JSON.stringify(name);
  return [`({${key}: `, `})[${key}]`];
}

/** The generator of every lowered `async` function of `ast` that has a name, with that name. */
export function asyncNames(ast: Node): Map<Node, string> {
  const names = new Map<Node, string>();
  walk(ast, (node, ancestors) => {
    const generator = loweredBody(node);
    if (generator === null) return;
    // The function whose whole body the call is: `return __async(…)` or an arrow's expression.
    const parent = ancestors[ancestors.length - 1];
    const f = parent?.type === 'ReturnStatement' ? ancestors[ancestors.length - 3] : parent;
    if (!f || !FUNCTIONS.has(f.type)) return;
    const name = nameOf(f, ancestors[ancestors.indexOf(f) - 1]);
    if (name !== undefined) names.set(generator, name);
  });
  return names;
}

/** The generator of an esbuild `__async(this, args, function* () { … })` call, or null. */
export function loweredBody(node: Node): Node | null {
  if (node.type !== 'CallExpression') return null;
  const callee = node.callee as Node;
  const args = node.arguments as Node[];
  if (callee.type !== 'Identifier' || callee.name !== '__async' || args.length !== 3) return null;
  const generator = args[2];
  if (generator.type !== 'FunctionExpression' || !generator.generator || generator.async || generator.id) return null;
  return generator;
}

/** The name JavaScript gives function `f` where it stands (under `parent`), if it is one we can write. */
function nameOf(f: Node, parent: Node | undefined): string | undefined {
  if (f.id) return (f.id as Node).name as string;
  if (!parent) return undefined;
  switch (parent.type) {
    case 'MethodDefinition':
    case 'Property':
    case 'PropertyDefinition':
      return parent.value === f && !parent.computed ? keyName(parent.key as Node) : undefined;
    case 'VariableDeclarator':
      return parent.init === f && (parent.id as Node).type === 'Identifier' ? ((parent.id as Node).name as string) : undefined;
    case 'AssignmentExpression':
      return parent.right === f && (parent.left as Node).type === 'Identifier' ? ((parent.left as Node).name as string) : undefined;
    case 'CallExpression': {
      // A class field as esbuild lowers it (a target before ES2022, or a tsconfig asking for it): `__publicField(this, "later", (n) => …)`.
      const [, key, value] = parent.arguments as Node[];
      const callee = parent.callee as Node;
      return callee.type === 'Identifier' && /^__publicField\d*$/.test(callee.name as string) && value === f && key?.type === 'Literal' && typeof key.value === 'string'
        ? key.value
        : undefined;
    }
    default:
      return undefined;
  }
}

function keyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name as string;
  if (key.type === 'PrivateIdentifier') return `#${key.name as string}`;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}
