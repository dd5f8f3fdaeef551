/**
 * The harness's side of a run: the problem's threads for a case, each a driver that calls the
 * solution's method with its arguments (made by their kinds, `args/`) and records what happens.
 */
import type { Runtime } from '../scheduler/runtime';
import { describeError } from '../scheduler/describe-error';
import type { Coroutine } from '../scheduler/task';
import { Ready } from '../scheduler/wait';
import { makeArg, type RunArgs } from './args/index';
import { short } from './args/owned';
import { plainCopy } from './copies';
import { resolveCount, type ProblemSpec, type ThreadSpec } from './problem';

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
      const name = count === 1 ? spec.name : `${spec.name}-${i - 1 + (spec.namesFrom ?? 1)}`;
      out.push({ name, kind: spec.name, number: i, spec, calls });
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
  run: RunArgs,
): () => Coroutine {
  return () => drive(rt, instance, t, args, run);
}

/** A driver thread's coroutine (at module level: see scheduler/coroutines.ts). */
function* drive(rt: Runtime, instance: Record<string, unknown>, t: CaseThread, args: Record<string, unknown>, run: RunArgs): Coroutine {
  const me = rt.currentThread!;
  for (let call = 0; call < t.calls; call++) {
    const state = { returned: false };
    const method = t.spec.method;
    const callArgs = (t.spec.args ?? []).map((a) => makeArg(a, { rt, me, thread: t, call, args, state, method, run }));
    rt.event({ kind: 'call', thread: me.index, method: t.spec.method, args: callArgs.filter((a) => typeof a !== 'function'), step: rt.steps });
    let value: unknown;
    try {
      const method = instance[t.spec.method] as (...a: unknown[]) => unknown;
      const out = method.apply(instance, callArgs);
      // The harness awaits what the call returned. A plain value (`size()`'s 2) is still a switch
      // point, as in JavaScript, but the judge's own: no `await 2` row in the thread's lane.
      value = yield out === null || (typeof out !== 'object' && typeof out !== 'function') ? Ready.plainAwait(out, false) : out;
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
}

export { learnerCopy, plainCopy } from './copies';
