/**
 * What a learner threw, in one line a learner can read: `TypeError: x is not a function`, or
 * `42 (a thrown value that is not an Error)`. The value is hostile: it may be a Proxy whose every
 * trap throws, a revoked Proxy, an object with throwing getters or `Symbol.toPrimitive`, a cyclic
 * structure or a string of a hundred megabytes. So the describer never runs learner code: it
 * never reads through a getter, never converts an object to a string, never looks inside a Proxy;
 * it reads data properties only, a bounded number of them, and cuts the text to
 * {@link MAX_DESCRIPTION} characters. It never throws.
 */
import { types } from 'node:util';
import { engineStack } from './engine-stack';

/** The longest description, in characters (the end is cut and marked with `…`). */
export const MAX_DESCRIPTION = 500;

/** Properties and nesting shown of a thrown plain object or array. */
const MAX_KEYS = 8;
const MAX_DEPTH = 2;

const NOT_AN_ERROR = ' (a thrown value that is not an Error)';

/** One line describing a thrown value; never throws, never runs code of the value's. */
export function describeError(e: unknown): string {
  try {
    return oneLine(describe(e));
  } catch {
    // Unreachable by design (every read below is guarded); a describer must still never throw.
    return 'a thrown value that cannot be described';
  }
}

function describe(e: unknown): string {
  if (typeof e === 'string') return `${cut(e)}${NOT_AN_ERROR}`;
  if (!isObject(e)) return `${primitive(e)}${NOT_AN_ERROR}`;
  if (types.isProxy(e)) return 'a Proxy object (the judge does not look inside a thrown Proxy; throw an Error instead)';
  if (isErrorLike(e)) {
    const name = stringField(e, 'name') ?? builtinName(e) ?? 'Error';
    const message = stringField(e, 'message');
    if (message === undefined) return `${cut(name)} (its message could not be read: it is not a plain string)`;
    return message === '' ? cut(name) : `${cut(name)}: ${cut(message)}`;
  }
  return `${render(e, MAX_DEPTH, new Set())}${NOT_AN_ERROR}`;
}

/**
 * A learner's value for a trace row (what a queue gave, what an await resolved to): JSON-like, on
 * one line, cut short; never throws and never runs code of the value's (JSON.stringify called its
 * toJSON, looped on a cycle and refused a BigInt, only while tracing: the replay of a failure
 * then ended otherwise, and the file got JE).
 */
export function describeValue(v: unknown): string {
  try {
    return oneLine(show(v, MAX_DEPTH, new Set()));
  } catch {
    return '[a value that cannot be shown]';
  }
}

/** The built-in error classes, by prototype. */
const BUILTIN_ERRORS = new Map<object, string>(
  [TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError, AggregateError, Error].map((C) => [C.prototype, C.name]),
);

/**
 * The name of the built-in error class in `e`'s prototype chain, found by identity: under SES's
 * lockdown `TypeError.prototype.name` is an accessor (so that instances may set their own name),
 * which the describer never calls.
 */
function builtinName(e: object): string | undefined {
  let p: object | null = Object.getPrototypeOf(e) as object | null;
  for (let i = 0; i < 64 && p !== null; i++) {
    if (types.isProxy(p)) return undefined;
    const name = BUILTIN_ERRORS.get(p);
    if (name !== undefined) return name;
    p = Object.getPrototypeOf(p) as object | null;
  }
  return undefined;
}

function isObject(e: unknown): e is object {
  return (typeof e === 'object' && e !== null) || typeof e === 'function';
}

/** A native error, or an object whose prototype chain holds one of the Error prototypes. */
function isErrorLike(e: object): boolean {
  if (types.isNativeError(e)) return true;
  let p: object | null = e;
  for (let i = 0; i < 64 && p !== null; i++) {
    if (types.isProxy(p)) return false;
    if (p === Error.prototype) return true;
    p = Object.getPrototypeOf(p) as object | null;
  }
  return false;
}

/**
 * The string value of a data property found on `o` or its prototypes; undefined when it is
 * missing, an accessor (a getter is learner code), not a string, or behind a Proxy.
 */
function stringField(o: object, key: string): string | undefined {
  let p: object | null = o;
  for (let i = 0; i < 64 && p !== null; i++) {
    if (types.isProxy(p)) return undefined;
    const d = Object.getOwnPropertyDescriptor(p, key);
    if (d) return 'value' in d && typeof d.value === 'string' ? d.value : undefined;
    p = Object.getPrototypeOf(p) as object | null;
  }
  return undefined;
}

/** A short, JSON-like picture of an object's own data properties (getters shown as such). */
function render(o: object, depth: number, seen: Set<object>): string {
  if (types.isProxy(o)) return '[a Proxy]';
  if (seen.has(o)) return '[a cycle]';
  if (typeof o === 'function') {
    const name = ownString(o, 'name');
    return name ? `[a function ${cut(name, 60)}]` : '[a function]';
  }
  if (types.isAnyArrayBuffer(o) || ArrayBuffer.isView(o)) return '[binary data]';
  if (depth === 0) return Array.isArray(o) ? '[…]' : '{…}';
  seen.add(o);
  const parts: string[] = [];
  let total: number;
  if (Array.isArray(o)) {
    // Indices, not Reflect.ownKeys: an array of ten million items must cost no more than a short one.
    total = o.length;
    for (let i = 0; i < Math.min(total, MAX_KEYS); i++) {
      const d = Object.getOwnPropertyDescriptor(o, i);
      parts.push(!d ? '' : 'value' in d ? show(d.value, depth - 1, seen) : '[a getter]');
    }
  } else {
    const keys = Reflect.ownKeys(o).filter((k): k is string => typeof k === 'string');
    total = keys.length;
    for (const k of keys.slice(0, MAX_KEYS)) {
      const d = Object.getOwnPropertyDescriptor(o, k)!;
      parts.push(`${JSON.stringify(cut(k, 60))}:${'value' in d ? show(d.value, depth - 1, seen) : '[a getter]'}`);
    }
  }
  if (total > MAX_KEYS) parts.push(`… ${total - MAX_KEYS} more`);
  seen.delete(o);
  return Array.isArray(o) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
}

function show(v: unknown, depth: number, seen: Set<object>): string {
  if (typeof v === 'string') return JSON.stringify(cut(v, 100));
  return isObject(v) ? render(v, depth, seen) : primitive(v);
}

function ownString(o: object, key: string): string | undefined {
  const d = Object.getOwnPropertyDescriptor(o, key);
  return d && 'value' in d && typeof d.value === 'string' ? d.value : undefined;
}

/** Primitives other than strings, as JavaScript writes them. */
function primitive(v: unknown): string {
  switch (typeof v) {
    case 'bigint':
      return `${v.toString()}n`;
    case 'symbol':
      return v.toString();
    case 'undefined':
      return 'undefined';
    default:
      return String(v as number | boolean | null);
  }
}

/** At most `max` characters, cut with `…` (slicing first, so a huge string costs nothing). */
function cut(s: string, max = MAX_DESCRIPTION): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Line breaks shown as `⏎` (as the console shows learner text), so the description is one line. */
function oneLine(s: string): string {
  return cut(s.replace(/\r\n|\r|\n/g, '⏎'));
}

/** Prototypes whose `name`, `message` and `toString` are the engine's (or SES's tamed copies). */
const INTRINSIC_OWNERS = new Set<object>([...BUILTIN_ERRORS.keys(), Object.prototype]);
const INTRINSIC_TO_STRING = new Set<unknown>([Error.prototype.toString, Object.prototype.toString]);

/**
 * Does formatting `e`'s stack header run only the engine's code? Its `name` and `message` must be
 * data properties or intrinsic accessors, its `toString` an intrinsic one.
 */
function plainHeader(e: object): boolean {
  // Formatting may turn the error into a string (`${error}`): a Symbol.toPrimitive of its own or
  // of a learner's prototype would be learner code, run where nothing guards it.
  for (let p: object | null = e, i = 0; p !== null && i < 64; p = Object.getPrototypeOf(p) as object | null, i++) {
    if (types.isProxy(p)) return false;
    if (INTRINSIC_OWNERS.has(p)) break;
    if (Object.getOwnPropertyDescriptor(p, Symbol.toPrimitive) !== undefined) return false;
  }
  for (const key of ['name', 'message', 'toString']) {
    let p: object | null = e;
    for (let i = 0; i < 64 && p !== null; i++) {
      if (types.isProxy(p)) return false;
      const d = Object.getOwnPropertyDescriptor(p, key);
      if (d) {
        if (key === 'toString' ? !INTRINSIC_TO_STRING.has(d.value) && !INTRINSIC_OWNERS.has(p) : !('value' in d) && !INTRINSIC_OWNERS.has(p)) return false;
        break;
      }
      p = Object.getPrototypeOf(p) as object | null;
    }
  }
  return true;
}

/**
 * The engine's stack text of a thrown value (the judge maps it; learner code may be shown
 * another, see engine-stack.ts), read as safely as {@link describeError} reads the rest: only a
 * data property, or the engine's own accessor (SES may install one on `Error.prototype`); never a
 * learner's getter, never through a Proxy. Undefined when there is none.
 */
export function errorStack(e: unknown): string | undefined {
  try {
    if (!isObject(e) || types.isProxy(e) || !isErrorLike(e)) return undefined;
    // The engine writes an error's stack text the first time anything reads it (its descriptor
    // too), starting with the error's name and message through its toString (SES's
    // prepareStackTrace calls it): a learner's getter or method there would run in the judge.
    if (!plainHeader(e)) return undefined;
    let p: object | null = e;
    for (let i = 0; i < 64 && p !== null; i++) {
      if (types.isProxy(p)) return undefined;
      const d = Object.getOwnPropertyDescriptor(p, 'stack');
      if (d) {
        if ('value' in d) return typeof d.value === 'string' ? engineStack(e, d.value) : undefined;
        const intrinsic = Object.getOwnPropertyDescriptor(Error.prototype, 'stack')?.get;
        if (d.get === undefined || d.get !== intrinsic) return undefined;
        const s: unknown = Reflect.apply(d.get, e, []);
        return typeof s === 'string' ? engineStack(e, s) : undefined;
      }
      p = Object.getPrototypeOf(p) as object | null;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

/**
 * V8's error for a call stack with no room left. Read without running any code of the learner's
 * (no getter, no Proxy trap: only a native error's own data property) and without a regular
 * expression: compiling one with no stack left aborts the process.
 */
export function isStackOverflow(e: unknown): boolean {
  if (!isObject(e) || !types.isNativeError(e) || Object.getPrototypeOf(e) !== RangeError.prototype) return false;
  const message = Object.getOwnPropertyDescriptor(e, 'message')?.value as unknown;
  return typeof message === 'string' && message.startsWith('Maximum call stack size exceeded');
}
