/**
 * The solution's class among what a learner's module exports: `export class Foo` (as the problem
 * statements ask), and the other ways a module exports one class that Node would load the same:
 * `export default class Foo`, and `module.exports = Foo` in CommonJS (or such a class without a
 * name: `export default class { … }`). Otherwise only a class of that very name, read from a plain
 * `name` property (a getter is learner code, run by nobody here). Callers read the exports as
 * learner code (a getter, a Proxy's trap), guarded.
 */
export function solutionClass(exports: unknown, className: string): unknown {
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return undefined;
  const named = (exports as Record<string, unknown>)[className];
  if (named !== undefined) return named;
  const byDefault = (exports as Record<string, unknown>).default;
  for (const candidate of [byDefault, exports]) {
    if (typeof candidate !== 'function') continue;
    const name: unknown = Object.getOwnPropertyDescriptor(candidate, 'name')?.value;
    if (name === className || (typeof name === 'string' && isRenamedBinding(name, className))) return candidate;
    // A class without a name is the module's one class all the same: `module.exports = class { … }`
    // has none, and `export default class { … }` is named after the variable esbuild keeps it in
    // (`Solution_default`).
    if (name === '' || name === undefined || (candidate === byDefault && typeof name === 'string' && /(^|_)default$/.test(name))) return candidate;
  }
  return undefined;
}

/**
 * esbuild's own name for a class that refers to itself: bundled, `export default class H2O {
 * static make() { return new H2O(); } }` becomes `var H2O = class _H2O { … }` (`_H2O2` when that
 * name is taken too), so the class's name is the inner binding's.
 */
function isRenamedBinding(name: string, className: string): boolean {
  return name === `_${className}` || (name.startsWith(`_${className}`) && /^\d+$/.test(name.slice(className.length + 1)));
}
