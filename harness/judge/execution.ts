/**
 * One run: a fresh module and instance of the solution, the case's threads launched in one start
 * order, one schedule chosen by a strategy, and the checker's verdict on what happened.
 */
import type { LoadedSubmission } from '../loader/index';
import { setActiveRuntime } from '../scheduler/active';
import { describeError, errorStack } from '../scheduler/describe-error';
import { Runtime, type RunOutcome } from '../scheduler/runtime';
import type { Coroutine } from '../scheduler/task';
import { Ready } from '../scheduler/wait';
import type { Strategy } from '../strategies/strategy';
import type { CheckContext } from './checker';
import type { LoadedProblem } from './problems';
import { RunArgs } from './args/index';
import { solutionClass } from './solution-class';
import { firstMissing, missingMethodMessage } from './missing-method';
import { requiredMethods } from './problem';
import { caseThreads, driver, learnerCopy, plainCopy, type CaseThread } from './threads';

export interface RunPlan {
  caseIndex: number;
  /** Indices into the case's threads, in launch order. */
  order: readonly number[];
  strategy: Strategy;
  dataSeed: number;
  tracing: boolean;
  /** Step budget of this run. */
  budget: number;
  /** While tracing, trace only the beginning and the end (see RuntimeOptions). */
  traceWindow?: { head: number; tailFrom: number };
}

export interface RunResult extends RunOutcome {
  /** For a failure: the whole output a correct run prints, and what was printed (so far). */
  expected?: string;
  actual?: string;
  ms: number;
}

const LAUNCH_PAUSE = Ready.silent('start next thread');

/** Runs one schedule of one case. Never throws for the learner's faults. */
export async function executeRun(problem: LoadedProblem, sub: LoadedSubmission, plan: RunPlan): Promise<RunResult> {
  const t0 = performance.now();
  const spec = problem.spec;
  const kase = spec.cases[plan.caseIndex];
  const threads = caseThreads(spec, kase.args);
  const required = requiredMethods(spec);
  const byIndex = new Map<number, CaseThread>();
  const ctx: CheckContext = {
    args: kase.args,
    kindOf: (i) => byIndex.get(i)?.kind,
    nameOf: (i) => byIndex.get(i)?.name ?? rt.threads[i]?.name ?? 'main',
    numberOf: (i) => byIndex.get(i)?.number,
    method: (name) => sub.methodName(name),
    now: () => rt.clock.now,
    idleTime: () => rt.idleTime,
  };
  const checker = problem.checker;
  const check = checker.start(ctx);
  let instance: Record<string, unknown> | undefined;
  let Cls: unknown;
  let missing: ReturnType<typeof firstMissing>;
  const rt: Runtime = new Runtime({
    strategy: plan.strategy,
    budget: plan.budget,
    dataSeed: plan.dataSeed,
    tracing: plan.tracing,
    captureSite: plan.tracing ? (skip) => sub.mapper.callerSite(skip) : undefined,
    errorSite: plan.tracing ? (e) => sub.mapper.firstSite(errorStack(e)) : undefined,
    traceWindow: plan.traceWindow,
    onEvent: check.onEvent ? (ev) => check.onEvent!(ev) : undefined,
    // The result is read when the last call returned: work left running cannot repair it.
    onHarnessDone: () => readResults(rt, spec.finalReads ?? [], instance!),
  });
  setActiveRuntime(rt);
  try {
    try {
      instance = rt.runAsMain(() => {
        const exports = sub.runModule({ attributeSwitchPoints: spec.attributeSwitchPoints === true });
        const Made = solutionClass(exports, spec.className) as new (...a: unknown[]) => Record<string, unknown>;
        Cls = Made;
        return new Made(...spec.constructorArgs.map((a) => learnerCopy(kase.args[a])));
      });
    } catch (e) {
      rt.fail('RTE', `the constructor threw ${describeError(e)}`, e);
      return { ...rt.snapshot(), ms: performance.now() - t0 };
    }
    try {
      missing = rt.runAsMain(() => firstMissing(required, instance!));
    } catch (e) {
      rt.fail('RTE', `reading the instance's methods threw ${describeError(e)}`, e);
    }
    if (missing !== undefined) rt.fail('CE', missingMethodMessage(spec, sub, missing.method, missing.found, Cls));
    if (!rt.failed) {
      const run = new RunArgs(rt);
      const launched = instance!;
      rt.launch(() => launcher(rt, plan.order, threads, (t) => driver(rt, launched, t, kase.args, run), byIndex));
    }
    let outcome = await rt.run();
    if (outcome.verdict === 'OK') {
      const message = check.final?.();
      if (message) {
        rt.fail('WA', message);
        outcome = rt.snapshot();
      }
    }
    // The outcome as it stands after the final check, copied once.
    const result: RunResult = { ...outcome, ms: 0 };
    if (result.verdict === 'DL' && check.explainDeadlock && result.blocked) {
      const names = new Set(result.blocked.map((b) => b.thread));
      const why = check.explainDeadlock(rt.threads.filter((t) => names.has(t.name)).map((t) => t.index));
      if (why) result.message = `${result.message}: ${why}`;
    }
    // A wrong answer's output beside the right one; any other failure's output so far beside it.
    if (result.verdict !== 'OK' && checker.expected) {
      result.expected = checker.expected(ctx);
      result.actual = check.actual
        ? check.actual()
        : outcome.events
            .filter((e) => e.kind === 'emit')
            .map((e) => (e as { value: string }).value)
            .join(checker.separator ?? '');
    }
    result.ms = performance.now() - t0;
    return result;
  } finally {
    setActiveRuntime(null);
    // The result holds what it needs; learner code may keep the run alive for a while (see release()).
    rt.release();
  }
}

/**
 * The main thread's coroutine: starts the case's threads in the plan's order, a switch point
 * between two (at module level: see scheduler/coroutines.ts).
 */
function* launcher(
  rt: Runtime,
  order: readonly number[],
  threads: readonly CaseThread[],
  body: (t: CaseThread) => () => Coroutine,
  byIndex: Map<number, CaseThread>,
): Coroutine {
  for (let k = 0; k < order.length; k++) {
    const t = threads[order[k]];
    const thread = rt.startThread(t.name, body(t), true);
    byIndex.set(thread.index, t);
    if (k < order.length - 1) yield LAUNCH_PAUSE;
  }
  return undefined;
}

/** The problem's final reads, as plain data, at the moment the last harness call returned. */
function readResults(rt: Runtime, names: readonly string[], instance: Record<string, unknown>): void {
  try {
    for (const name of names) rt.event({ kind: 'read', name, value: plainCopy(instance[name]), step: rt.steps });
  } catch (e) {
    rt.fail('RTE', `reading the result threw ${describeError(e)}`, e);
  }
}
