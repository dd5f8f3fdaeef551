/**
 * The harness's side of a run: the problem's threads for a case, each a driver that calls the
 * solution's method with its arguments, owns its print callbacks, and records what happens.
 */
import type { Runtime } from '../scheduler/runtime';
import { describeError } from '../scheduler/runtime';
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
  if ('callback' in a) return callback(rt, a.callback, a.emits, me, t.spec.method, state, counter);
  if ('value' in a) return a.value;
  if ('caseArg' in a) return args[a.caseArg];
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
    if (state.returned) {
      rt.fail('WA', `${name}() was called after ${method}() of thread ${me.name} had returned`);
      return;
    }
    const value = emits ?? String(a[0]);
    if (rt.tracing) rt.record(me, 'emit', `${name}(${emits === undefined ? short(a[0]) : ''}) → ${JSON.stringify(value)}`, rt.site());
    rt.event({ kind: 'emit', thread: me.index, callback: name, value, step: rt.steps, index: counter.next() });
  };
}

function short(v: unknown): string {
  try {
    const s = JSON.stringify(v) ?? String(v);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(v);
  }
}
