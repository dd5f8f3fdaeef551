/**
 * A function the harness hands one call of one thread (a print callback, a supplier, a meal):
 * calling it from another thread, or after the method returned, is a wrong answer.
 */
import { harden } from '../../scheduler/harden';
import { handOut } from '../../scheduler/operation';
import type { Runtime } from '../../scheduler/runtime';
import type { Wait } from '../../scheduler/wait';
import { atSite } from '../../scheduler/words';
import { describeValue } from '../../scheduler/describe-error';
import type { ArgCall } from './kind';

/** What a call of an owned function prints and gives back. */
export interface Owned {
  /** The emitted value, as the checker sees it. */
  value: string;
  /** For traces: `printFoo() → "foo"`; made only while tracing (an emit is on the hot path). */
  shown?: string;
  result?: unknown;
}

/** `body` gets the call's first argument (`printNumber(3)`): no owned function reads more. */
export function ownedFunction(c: ArgCall, name: string, body: (first: unknown) => Owned): (first?: unknown) => unknown {
  const { rt, me, method, state, run } = c;
  const emit = run.emitter(name);
  return harden((first?: unknown) => {
    const cur = rt.currentThread;
    if (cur !== me) {
      const from = cur === null ? 'outside any thread (from a .then callback or a timer?)' : `thread ${cur.name}`;
      const site = rt.site();
      // The call the failure is about is a row of the thread that made it, and what it printed is
      // shown as printed (the run is already decided: the checker does not judge it again).
      let out: Owned | undefined;
      try {
        out = body(first);
      } catch {
        // (A call that is wrong in itself as well: the thread it came from is what the verdict says.)
      }
      if (out && rt.tracing) rt.record(cur ?? me, 'emit', `${out.shown ?? name} (a callback of thread ${me.name})`, site);
      rt.fail('WA', `${name}()${atSite(site)} belongs to thread ${me.name} but was called from ${from}`);
      if (out) emit(me, out.value);
      return undefined;
    }
    const out = body(first);
    if (state.returned) {
      const site = rt.site();
      if (rt.tracing) rt.record(me, 'emit', `${out.shown} after ${method}() returned`, site);
      rt.fail('WA', `${name}()${atSite(site)} printed ${JSON.stringify(out.value)} after ${method}() of thread ${me.name} had returned: a thread's output must be printed before its method returns`);
      // Shown in "actual" (the run is already decided: the checker does not judge it again).
      emit(me, out.value);
      return undefined;
    }
    if (rt.tracing) rt.record(me, 'emit', out.shown ?? name, rt.site());
    emit(me, out.value);
    return out.result;
  });
}

/** A short, safe rendering of a learner's value for traces. */
export function short(v: unknown): string {
  const s = describeValue(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Hands a harness service's wait to learner code as an operation (its line when tracing). */
export function handToLearner<T>(rt: Runtime, w: Wait<T>): Promise<T> {
  if (rt.tracing) w.site = rt.site();
  rt.tracked(w);
  return handOut(w);
}
