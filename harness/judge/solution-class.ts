/**
 * The solution's class among what a learner's module exports: `export class Foo` (as the problem
 * statements ask), and the other ways a module exports one class that Node would load the same:
 * `export default class Foo`, and `module.exports = Foo` in CommonJS. Only a class of that very
 * name, read from a plain `name` property (a getter is learner code, run by nobody here).
 */
export function solutionClass(exports: unknown, className: string): unknown {
  if (exports === null || (typeof exports !== 'object' && typeof exports !== 'function')) return undefined;
  const named = (exports as Record<string, unknown>)[className];
  if (named !== undefined) return named;
  for (const candidate of [(exports as Record<string, unknown>).default, exports]) {
    if (typeof candidate === 'function' && Object.getOwnPropertyDescriptor(candidate, 'name')?.value === className) return candidate;
  }
  return undefined;
}
