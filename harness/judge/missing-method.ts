/**
 * A class without a method the problem calls is a compile error (CE), told before any thread
 * runs where the code shows it: no method on its prototype chain and no mention of the name
 * anywhere in the module. A method may also be an instance's own (`first = async (print) => { … }`,
 * `this.first = …` in the constructor, `Object.assign(this, makeMethods())`, a constructor that
 * returns another object): for those the check waits for the instance, which each run makes.
 */
import { types } from 'node:util';
import { LEARNER_METHODS } from '../loader/language';
import type { LoadedSubmission } from '../loader/index';
import { distance } from './package';
import { signature } from './args/index';
import type { ProblemSpec } from './problem';

// The intrinsic, taken before any learner code runs (a learner's class may shadow `toString`).
const functionSource = Function.prototype.toString;

/**
 * What a student reads: which method, with its parameters, and who calls it; and, when the class
 * has a method of nearly that name (`fizzBuzz` for `fizzbuzz`), that one, to rename.
 */
export function missingMethodMessage(spec: ProblemSpec, sub: LoadedSubmission, method: string, found?: string, Cls?: unknown): string {
  const t = spec.threads.find((x) => x.method === method)!;
  const wanted = sub.methodName(method);
  const instead = found === undefined || found === 'undefined' ? '' : ` (an instance's ${wanted} is ${found === 'null' ? 'null' : `a ${found}`})`;
  const near = Cls === undefined ? undefined : nearMethod(methodNames(Cls), wanted);
  const rename = near === undefined ? '' : ` (it has ${near}: name it ${wanted})`;
  return `class ${spec.className} in ${sub.file} has no method ${wanted}(${signature(t.args ?? [])})${instead}${rename}; the problem calls it from thread ${t.name}`;
}

/** The learner's method names of `Cls`: a facade's list, or its prototype chain's functions (read without running learner code). */
function methodNames(Cls: unknown): string[] {
  try {
    const listed = (Object.getOwnPropertyDescriptor(Cls, LEARNER_METHODS) ?? {}).value as unknown;
    if (Array.isArray(listed)) return listed.filter((n): n is string => typeof n === 'string');
    return prototypesOf(Cls).chain.flatMap((p) =>
      p === Object.prototype ? [] : Object.getOwnPropertyNames(p).filter((n) => n !== 'constructor' && typeof (Object.getOwnPropertyDescriptor(p, n) ?? {}).value === 'function'),
    );
  } catch {
    return [];
  }
}

/**
 * The prototypes of `Cls`'s instances, its own `prototype` first, read without running learner
 * code; `proxy` when the walk met a Proxy (whose answers would be the learner's) and stopped.
 */
function prototypesOf(Cls: unknown): { chain: object[]; proxy: boolean } {
  const chain: object[] = [];
  let p: unknown = (Object.getOwnPropertyDescriptor(Cls, 'prototype') ?? {}).value;
  for (let i = 0; i < 64 && typeof p === 'object' && p !== null; i++) {
    if (types.isProxy(p)) return { chain, proxy: true };
    chain.push(p);
    p = Object.getPrototypeOf(p);
  }
  return { chain, proxy: false };
}

/** A name that differs from `wanted` only in case and underscores, or by one letter. */
function nearMethod(names: readonly string[], wanted: string): string | undefined {
  const plain = (s: string): string => s.toLowerCase().replace(/_/g, '');
  const same = names.find((n) => n !== wanted && plain(n) === plain(wanted));
  if (same !== undefined) return same;
  const close = names.filter((n) => n !== wanted && wanted.length > 3 && distance(plain(n), plain(wanted)) <= 1);
  return close.length === 1 ? close[0] : undefined;
}

/**
 * Might instances of `Cls` have `method` as a field of their own? Yes when the module names it
 * anywhere (a factory, a property key: only an instance can tell), when the source of the class or
 * of one it extends does, or when that source cannot be read (a proxy).
 */
function mayOwnMethod(Cls: unknown, method: string, mentioned: (name: string) => boolean): boolean {
  if (mentioned(method)) return true;
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

/**
 * May `Cls` give its instances `method`? Read from its prototype chain without running any of
 * the learner's code (a getter there is read only on an instance, in learner time), then from its
 * source: false only when no prototype has it and no class source names it.
 */
export function mayHaveMethod(Cls: unknown, method: string, mentioned: (name: string) => boolean): boolean {
  try {
    const { chain, proxy } = prototypesOf(Cls);
    for (const p of chain) {
      const d = Object.getOwnPropertyDescriptor(p, method);
      if (d) return !('value' in d) || typeof d.value === 'function' || mayOwnMethod(Cls, method, mentioned);
    }
    if (proxy) return true;
  } catch {
    return true;
  }
  return mayOwnMethod(Cls, method, mentioned);
}

/**
 * The first method the problem calls that `instance` lacks, and what it has there instead (read
 * in learner time: a getter may run, and may throw, which is the learner's run-time error).
 */
export function firstMissing(required: readonly string[], instance: Record<string, unknown>): { method: string; found: string } | undefined {
  for (const method of required) {
    const value = instance[method];
    if (typeof value !== 'function') return { method, found: value === null ? 'null' : typeof value };
  }
  return undefined;
}
