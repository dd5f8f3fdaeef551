/**
 * The harness's side of a run: the problem's threads for a case, each a driver that calls the
 * solution's method with its arguments, owns its print callbacks, and records what happens.
 */
import type { Runtime } from '../scheduler/runtime';
import { describeError } from '../scheduler/describe-error';
import { harden } from '../scheduler/harden';
import type { Coroutine } from '../scheduler/task';
import type { Thread } from '../scheduler/thread';
import { Ready } from '../scheduler/wait';
import { resolveCount, type ArgSpec, type ProblemSpec, type ThreadSpec } from './problem';

/** One thread of a case. */
export interface CaseThread {
  name: string;
  kind: string;
  /** 1-based among its kind. */
  number: number;
  spec: ThreadSpec;
  calls: number;
}

/** The threads a case runs, in the problem's order (start orders permute it). */
export function caseThreads(problem: ProblemSpec, args: Record<string, unknown>): CaseThread[] {
  const out: CaseThread[] = [];
  for (const spec of problem.threads) {
    const count = resolveCount(spec.count, args, `thread "${spec.name}" count`);
    const calls = resolveCount(spec.calls, args, `thread "${spec.name}" calls`);
    for (let i = 1; i <= count; i++) {
      out.push({ name: count === 1 ? spec.name : `${spec.name}-${i}`, kind: spec.name, number: i, spec, calls });
    }
  }
  return out;
}

const PAUSE = new Ready(undefined, 'pause');

/** The body of a driver thread: calls its method `calls` times. */
export function driver(
  rt: Runtime,
  instance: Record<string, unknown>,
  t: CaseThread,
  args: Record<string, unknown>,
  counter: EmitCounter,
): () => Coroutine {
  return function* (): Coroutine {
    const me = rt.currentThread!;
    for (let call = 0; call < t.calls; call++) {
      const state = { returned: false };
      const callArgs = (t.spec.args ?? []).map((a) => makeArg(rt, a, me, t, call, args, state, counter));
      rt.event({ kind: 'call', thread: me.index, method: t.spec.method, args: callArgs.filter((a) => typeof a !== 'function'), step: rt.steps });
      let value: unknown;
      try {
        const method = instance[t.spec.method] as (...a: unknown[]) => unknown;
        value = yield method.apply(instance, callArgs);
      } catch (e) {
        rt.fail('RTE', `${t.spec.method}() threw ${describeError(e)} in thread ${t.name}`, e);
        return undefined;
      }
      state.returned = true;
      try {
        value = plainCopy(value);
      } catch (e) {
        rt.fail('RTE', `${t.spec.method}() returned a value that could not be read: ${describeError(e)} (thread ${t.name})`, e);
        return undefined;
      }
      rt.event({ kind: 'return', thread: me.index, method: t.spec.method, value, step: rt.steps });
      if (rt.tracing) rt.record(me, 'return', `${t.spec.method}() returned${value === undefined ? '' : ` ${short(value)}`}`);
      if (t.spec.pauses && call < t.calls - 1) yield PAUSE;
    }
    return undefined;
  };
}

/** A shared emit counter per run, so emit events carry their position in the output. */
export interface EmitCounter {
  next(): number;
}

function makeArg(
  rt: Runtime,
  a: ArgSpec,
  me: Thread,
  t: CaseThread,
  call: number,
  args: Record<string, unknown>,
  state: { returned: boolean },
  counter: EmitCounter,
): unknown {
  if ('callback' in a) return harden(callback(rt, a.callback, a.emits, me, t.spec.method, state, counter));
  if ('value' in a) return learnerCopy(a.value);
  if ('caseArg' in a) return learnerCopy(args[a.caseArg]);
  if ('message' in a) return `${t.name}#${call}`;
  return t.number;
}

/** A print callback that belongs to thread `me` and to one call of its method. */
function callback(
  rt: Runtime,
  name: string,
  emits: string | undefined,
  me: Thread,
  method: string,
  state: { returned: boolean },
  counter: EmitCounter,
): (...a: unknown[]) => void {
  return (...a: unknown[]) => {
    const cur = rt.currentThread;
    if (cur !== me) {
      const from = cur === null ? 'outside any thread (from a .then callback or a timer?)' : `thread ${cur.name}`;
      rt.fail('WA', `${name}() belongs to thread ${me.name} but was called from ${from}`);
      return;
    }
    const value = emits ?? String(a[0]);
    if (state.returned) {
      const site = rt.site();
      const where = site ? ` at ${site.file}:${site.line}` : '';
      if (rt.tracing) rt.record(me, 'emit', `${name}(${emits === undefined ? short(a[0]) : ''}) → ${JSON.stringify(value)} after ${method}() returned`, site);
      rt.fail('WA', `${name}()${where} printed ${JSON.stringify(value)} after ${method}() of thread ${me.name} had returned: a thread's output must be printed before its method returns`);
      // Shown in "actual" (the run is already decided: the checker does not judge it again).
      rt.event({ kind: 'emit', thread: me.index, callback: name, value, step: rt.steps, index: counter.next() });
      return;
    }
    if (rt.tracing) rt.record(me, 'emit', `${name}(${emits === undefined ? short(a[0]) : ''}) → ${JSON.stringify(value)}`, rt.site());
    rt.event({ kind: 'emit', thread: me.index, callback: name, value, step: rt.steps, index: counter.next() });
  };
}

/** A case's data for learner code: its own frozen copy, so no run can change what the next one gets. */
export function learnerCopy<T>(v: T): T {
  return v === null || typeof v !== 'object' ? v : harden(structuredClone(v));
}

/**
 * A value learner code returned, as plain data the checker can read without running learner
 * code (no getters, proxies or judge objects): primitives, arrays and plain objects.
 */
export function plainCopy(v: unknown, depth = 0): unknown {
  if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
  if (typeof v === 'function') return `[function]`;
  if (depth > 20) throw new RangeError('the value is nested more than 20 levels deep');
  if (Array.isArray(v)) {
    const n = v.length;
    if (n > 100_000) throw new RangeError(`the array has ${n} elements`);
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) out.push(plainCopy(v[i], depth + 1));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) out[key] = plainCopy((v as Record<string, unknown>)[key], depth + 1);
  return out;
}

function short(v: unknown): string {
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(v);
  }
}
