/**
 * `harden`, as Hardened JavaScript defines it: freezes an object and everything reachable from
 * it (own properties, accessors' functions, prototypes). Every object the judge hands to learner
 * code goes through it, so nothing learner code can reach can be changed to fool the judge or a
 * later job in the same worker.
 *
 * In a sandbox worker the realm is locked down and SES's own `harden` is used. In trusted
 * in-process use (tests, benchmarks) the realm's intrinsics stay mutable for the test runner, so
 * the fallback freezes what is reachable through own properties and parent classes, but neither
 * the intrinsics nor the prototypes of objects (a test runner may share those with the judge).
 */

type Harden = <T>(x: T) => T;

/** The realm's shared intrinsics: frozen by `lockdown()` in sandboxes, left alone here otherwise. */
const INTRINSICS = new Set<unknown>([
  Object.prototype,
  Function.prototype,
  Array.prototype,
  Error.prototype,
  Promise.prototype,
  Map.prototype,
  Set.prototype,
  WeakMap.prototype,
  Date.prototype,
  RegExp.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Symbol.prototype,
  Object.getPrototypeOf(function* () {}),
  Object.getPrototypeOf(Object.getPrototypeOf((function* () {})())),
  Object.getPrototypeOf(Int8Array.prototype),
  Object.getPrototypeOf(Int8Array),
  ...[TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError].map((E) => E.prototype),
  Object,
  Function,
  Array,
  Error,
  Promise,
  Date,
]);

const functionSource = Function.prototype.toString;

/** A built-in function of this or another realm (a test runner's realm shares some with ours). */
function isNative(f: unknown): boolean {
  try {
    return typeof f === 'function' && functionSource.call(f).endsWith('{ [native code] }');
  } catch {
    return true;
  }
}

function freezeDeep<T>(root: T): T {
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const x = stack.pop();
    if ((typeof x !== 'object' && typeof x !== 'function') || x === null || seen.has(x) || INTRINSICS.has(x)) continue;
    if (x !== root && isNative(x)) continue;
    seen.add(x);
    Object.freeze(x);
    for (const key of Reflect.ownKeys(x)) {
      const d = Reflect.getOwnPropertyDescriptor(x, key)!;
      if ('value' in d) stack.push(d.value);
      else stack.push(d.get, d.set);
    }
    // A class's parent class (BoundedSemaphore → Semaphore); instances' prototypes are reached
    // through their constructors' `.prototype`.
    if (typeof x === 'function') stack.push(Object.getPrototypeOf(x));
  }
  return root;
}

/** Freezes `x` and everything reachable from it; returns `x`. */
export function harden<T>(x: T): T {
  // Looked up each time: a worker locks its realm down after this module is loaded.
  const sesHarden = (globalThis as { harden?: Harden }).harden;
  return sesHarden ? sesHarden(x) : freezeDeep(x);
}
