/**
 * A class without a method the problem calls is a compile error (CE), told before any thread
 * runs where the class shows it: no method on its prototype chain and no mention of the name in
 * its source, nor in the source of a class it extends. A method may also be an instance's own
 * (`first = async (print) => { … }`, `this.first = …` in the constructor): for those the check
 * waits for the instance, which each run makes.
 */
import type { LoadedSubmission } from '../loader/index';
import { signature } from './args/index';
import type { ProblemSpec } from './problem';

// The intrinsic, taken before any learner code runs (a learner's class may shadow `toString`).
const functionSource = Function.prototype.toString;

/** What a student reads: which method, with its parameters, and who calls it. */
export function missingMethodMessage(spec: ProblemSpec, sub: LoadedSubmission, method: string): string {
  const t = spec.threads.find((x) => x.method === method)!;
  return `class ${spec.className} in ${sub.file} has no method ${sub.methodName(method)}(${signature(t.args ?? [])}); the problem calls it from thread ${t.name}`;
}

/**
 * Might instances of `Cls` have `method` as a field of their own? Yes when the name is written
 * in the class's source or that of a class it extends; when the source cannot be read (a proxy),
 * the instance will tell.
 */
export function mayOwnMethod(Cls: unknown, method: string): boolean {
  const name = new RegExp(`(^|[^\\w$])${method.replace(/\$/g, '\\$')}([^\\w$]|$)`);
  try {
    for (let c = Cls; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      if (name.test(functionSource.call(c))) return true;
    }
    return false;
  } catch {
    return true;
  }
}

/** The first method the problem calls that `instance` lacks (read in learner time: a getter may run). */
export function firstMissing(required: readonly string[], instance: Record<string, unknown>): string | undefined {
  return required.find((m) => typeof instance[m] !== 'function');
}
