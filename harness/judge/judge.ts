/**
 * The judge: a submission × a problem → a verdict that does not depend on luck. Every case is
 * explored over start orders and schedules by the portfolio; the first failing run is replayed
 * with tracing to explain it (and to check it reproduces). Deterministic from the seed.
 */
import { CompileError, loadSubmission, type CompiledSubmission, type LoadedSubmission } from '../loader/index';
import { setActiveRuntime } from '../scheduler/active';
import { describeError, errorStack } from '../scheduler/describe-error';
import { Runtime } from '../scheduler/runtime';
import { portfolioSlots } from '../strategies/portfolio';
import { resolveStrategy, type StrategyName } from '../strategies/registry';
import { RandomStrategy } from '../strategies/random';
import { ReplayStrategy } from '../strategies/replay';
import { mixSeed } from '../strategies/rng';
import { executeRun, type RunPlan, type RunResult } from './execution';
import { maxScore, requiredMethods } from './problem';
import type { LoadedProblem } from './problems';
import { checkTokenFits, decodeToken, encodeToken, type ReplayToken } from './replay-token';
import { traceGap, type CaseResult, type Failure, type ProblemResult, type SourceSite, type TraceStep, type Verdict } from '../model/result';
import { lastTouches, nameObjects, type SourceLines } from './object-names';
import { solutionClass } from './solution-class';
import { noExploration, unjudgedResult } from '../model/unjudged';
import { foldRepeats } from './fold-trace';
import { renumberSteps } from './step-numbers';
import { shrinkFailure } from './shrink';
import { startOrders } from './start-orders';
import { inLearnersWords } from './learner-words';
import { slowFileMessage, withNotesGrouped } from '../scheduler/words';
import { withMisuseHint } from './misuse-hints';
import { mayHaveMethod, missingMethodMessage } from './missing-method';
import { caseThreads } from './threads';

export const DEFAULT_SEED = 1;

export interface JudgeOptions {
  seed?: number;
  /** Schedules per case (default: the problem's `limits.schedules`). */
  schedules?: number;
  strategy?: StrategyName;
  /** Reproduce one run from a replay token instead of exploring. */
  replay?: string;
  /** Cap on the scheduling steps spent on one case, all schedules together. */
  maxStepsPerCase?: number;
  /** Cap on the loop rounds of the learner's code in all runs of the file (default FILE_ROUNDS_LIMIT). */
  maxRoundsPerFile?: number;
  /** The source text, when the caller already read the file. */
  source?: string;
  /** The submission compiled elsewhere (sandbox workers cannot run esbuild), or its compile error. */
  compiled?: CompiledSubmission;
  compileError?: NonNullable<ProblemResult['error']>;
  /** Stop at the first failing case (verify, benchmarks): the verdict is known, the score is not. */
  stopAtFirstFailure?: boolean;
  /** Called after every run: progress for long judgings (and a sign of life for watchdogs). */
  onRun?: () => void;
}

const MAX_STEPS_PER_CASE = 3_000_000;
/**
 * Loop rounds of the learner's code in all runs of a file, together, before judging stops (TLE):
 * counted, so a slow file stops at the same schedule on every machine, where the CPU-time limit
 * alone (10 s) gave the same file and seed AC on one try and TLE on the next (a red team's
 * FizzBuzz doing 780,000 rounds of arithmetic a print). About 4 s of the tightest loops on the
 * 2-core machines this was measured on (240 million rounds a second), so the count decides before
 * the CPU-time limit on a machine up to twice as slow; a shipped solution needs a few million.
 */
export const FILE_ROUNDS_LIMIT = 1_000_000_000;
/** Per-schedule timings kept per case, for the report's histograms (results.json stays small). */
const SAMPLES = 60;
const TRACE_HEAD = 600;
const TRACE_TAIL = 600;

export async function judgeSubmission(problem: LoadedProblem, file: string, opts: JudgeOptions = {}): Promise<ProblemResult> {
  const t0 = performance.now();
  const spec = problem.spec;
  const seed = opts.seed ?? DEFAULT_SEED;
  const base: ProblemResult = {
    problem: spec.id,
    file,
    verdict: 'AC',
    score: 0,
    maxScore: maxScore(spec),
    seed,
    timeMs: 0,
    cases: [],
  };
  const done = (r: ProblemResult): ProblemResult => ({ ...r, timeMs: Math.round(performance.now() - t0) });
  // The caller's mistakes are errors before anything runs, never a verdict of the file: an
  // unknown strategy (UnknownStrategyError) or a token that does not fit (ReplayTokenError).
  const strategy = resolveStrategy(opts.strategy, { baseline: true });
  if (opts.replay !== undefined) checkReplayToken(problem, opts.replay);

  if (opts.compileError) return done(failAll(base, problem, 'CE', opts.compileError));
  let sub: LoadedSubmission;
  try {
    sub = await loadSubmission(file, opts.source, opts.compiled);
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return done(failAll(base, problem, 'CE', { message: e.message, site: e.site, frame: e.frame }));
  }
  try {
    return done(await judgeLoaded(problem, sub, base, seed, { ...opts, strategy }));
  } finally {
    // A language's process (Python's) is freed when its file is judged.
    sub.dispose();
  }
}

/** Judges a loaded submission: the class and its methods, then every case (or one replay). */
async function judgeLoaded(problem: LoadedProblem, sub: LoadedSubmission, base: ProblemResult, seed: number, opts: JudgeOptions): Promise<ProblemResult> {
  const spec = problem.spec;
  const strategy = opts.strategy;
  const probe = probeClass(problem, sub);
  if (probe) return failAll(base, problem, probe.verdict, { message: probe.message, site: probe.site });

  if (opts.replay !== undefined) return replay(problem, sub, base, opts.replay);

  const cases: CaseResult[] = [];
  const work: Work = { rounds: 0, limit: opts.maxRoundsPerFile ?? FILE_ROUNDS_LIMIT };
  let tooSlow: ProblemResult['error'];
  for (let ci = 0; ci < spec.cases.length; ci++) {
    if (tooSlow) {
      cases.push({ name: spec.cases[ci].name, verdict: 'TLE', points: 0, maxPoints: spec.cases[ci].points, timeMs: 0, explored: noExploration() });
      continue;
    }
    const c = await judgeCase(problem, sub, ci, seed, opts, work);
    cases.push(c);
    if (work.rounds > work.limit) tooSlow = { message: slowFileMessage(work.limit, c.name, c.explored.schedules) };
    if (c.verdict !== 'AC' && opts.stopAtFirstFailure) break;
  }
  const failed = cases.find((c) => c.verdict !== 'AC');
  const unexplored = cases.filter((c) => c.verdict === 'JE' && c.explored.schedules === 0 && !c.failure);
  return {
    ...base,
    verdict: failed ? failed.verdict : 'AC',
    score: cases.reduce((s, c) => s + c.points, 0),
    cases,
    replay: failed?.failure?.replay,
    ...(failed?.failure && keptSource(sub)),
    ...(tooSlow && { error: tooSlow }),
    ...(unexplored.length > 0 && {
      error: {
        message:
          `the judge ran no schedule of case ${unexplored.map((c) => c.name).join(', ')} (strategy ${strategy}, at most ` +
          `${opts.schedules ?? 'the problem\'s'} schedules), so it cannot accept the file: this is the judge's fault, not the ` +
          "submission's; please report it with the command you ran",
      },
    }),
  };
}

/** The loop rounds a file's runs have used, of its limit. */
interface Work {
  rounds: number;
  limit: number;
}

/**
 * Explores one case until a run fails or the budget is spent, or the file's loop rounds (`work`)
 * pass their limit: then the case is TLE, without a failing run (no one run is at fault).
 */
async function judgeCase(problem: LoadedProblem, sub: LoadedSubmission, ci: number, seed: number, opts: JudgeOptions, work: Work): Promise<CaseResult> {
  const t0 = performance.now();
  const spec = problem.spec;
  const kase = spec.cases[ci];
  const threads = caseThreads(spec, kase.args);
  const orders = startOrders(threads.length, mixSeed(seed, ci, 0x0de));
  const slots = portfolioSlots(opts.strategy ?? 'portfolio', seed, ci, orders.length);
  const budget = kase.steps ?? spec.limits.steps;
  const maxSchedules = opts.schedules ?? kase.schedules ?? spec.limits.schedules;
  const maxSteps = opts.maxStepsPerCase ?? MAX_STEPS_PER_CASE;
  const explored = { startOrders: 0, schedules: 0, steps: 0, strategies: [...new Set(slots.map((s) => s.strategy.name.replace(/\(.*/, '')))], runMs: [] as number[], runSteps: [] as number[], busyWaiting: false };
  const ordersSeen = new Set<number>();

  while (explored.schedules < maxSchedules && explored.steps < maxSteps && slots.some((s) => !s.exhausted)) {
    for (const slot of slots) {
      if (slot.exhausted || explored.schedules >= maxSchedules || explored.steps >= maxSteps) continue;
      if (!slot.strategy.nextSchedule()) {
        slot.exhausted = true;
        continue;
      }
      const dataSeed = mixSeed(seed, ci, explored.schedules, 0xda7a);
      const plan = { caseIndex: ci, order: orders[slot.order], strategy: slot.strategy, dataSeed, tracing: false, budget };
      const r = await executeRun(problem, sub, plan);
      opts.onRun?.();
      explored.schedules++;
      explored.steps += r.steps;
      work.rounds += r.rounds;
      ordersSeen.add(slot.order);
      if (explored.runMs.length < SAMPLES) {
        explored.runMs.push(round2(r.ms));
        explored.runSteps.push(r.steps);
      }
      if (r.busyWaiting) explored.busyWaiting = true;
      if (r.verdict !== 'OK') {
        explored.startOrders = ordersSeen.size;
        const token: ReplayToken = {
          problem: spec.id,
          caseIndex: ci,
          order: [...plan.order],
          dataSeed,
          seed,
          strategy: slot.strategy.name,
          decisions: [...r.decisions],
          hash: sub.hash,
          budget,
        };
        // Shown with the fewest switches between threads that still fail the same way.
        const shrunk = await shrinkFailure(problem, sub, token, r);
        const failure = await explain(problem, sub, shrunk?.token ?? token, shrunk?.result ?? r, explored.schedules);
        if (shrunk) {
          failure.shrunk = { switches: shrunk.result.switches, originalSwitches: shrunk.original.switches, steps: shrunk.result.steps, originalSteps: shrunk.original.steps };
        }
        return { name: kase.name, verdict: failure.verdict, points: 0, maxPoints: kase.points, timeMs: ms(t0), explored, failure };
      }
      if (work.rounds > work.limit) {
        explored.startOrders = ordersSeen.size;
        return { name: kase.name, verdict: 'TLE', points: 0, maxPoints: kase.points, timeMs: ms(t0), explored };
      }
    }
  }
  explored.startOrders = ordersSeen.size;
  // Nothing explored proves nothing: never an AC (a strategy with no slots, a budget of zero).
  if (explored.schedules === 0) return { name: kase.name, verdict: 'JE', points: 0, maxPoints: kase.points, timeMs: ms(t0), explored };
  return { name: kase.name, verdict: 'AC', points: kase.points, maxPoints: kase.points, timeMs: ms(t0), explored };
}

/** Replays a failing run with tracing: the trace, the learner's lines, and a reproduction check. */
async function explain(problem: LoadedProblem, sub: LoadedSubmission, token: ReplayToken, found: RunResult, schedules: number): Promise<Failure> {
  if (found.stoppedByClock) {
    // A clock stopped it (a Python watchdog): a traced replay would be stopped again, as late.
    // Shown as found, without a trace; its message names the line.
    const failure = toFailure(problem, sub, token, found, true, schedules);
    failure.replayed = false;
    return failure;
  }
  const { r: traced, diverged } = await traceRun(problem, sub, token, { head: TRACE_HEAD, tailFrom: found.steps - TRACE_TAIL });
  const reproduced = traced.verdict === found.verdict && traced.steps === found.steps && !diverged;
  const failure = toFailure(problem, sub, token, traced, reproduced, schedules);
  if (!reproduced) {
    // The judge cannot stand behind a failure it cannot show (JE, tried again), but says what it found.
    const replay = traced.verdict === 'OK' ? 'passed' : `ended otherwise (${traced.verdict}: ${traced.message ?? 'the run failed'})`;
    failure.verdict = 'JE';
    failure.message = `a run failed (${found.verdict}: ${found.message ?? 'the run failed'}) but its replay ${replay}: the solution may depend on something the judge does not control; if it does not, this is a judge bug, please report it`;
  }
  return failure;
}

/** Runs a recorded schedule again, with tracing (of every step, or of a window). */
async function traceRun(
  problem: LoadedProblem,
  sub: LoadedSubmission,
  token: ReplayToken,
  traceWindow?: RunPlan['traceWindow'],
): Promise<{ r: RunResult; diverged: boolean }> {
  const replayer = new ReplayStrategy(token.decisions);
  replayer.nextSchedule();
  const r = await executeRun(problem, sub, {
    caseIndex: token.caseIndex,
    order: token.order,
    strategy: replayer,
    dataSeed: token.dataSeed,
    tracing: true,
    budget: token.budget,
    traceWindow,
  });
  return { r, diverged: replayer.diverged };
}

function toFailure(problem: LoadedProblem, sub: LoadedSubmission, token: ReplayToken, r: RunResult, reproduced: boolean, schedules: number): Failure {
  const threads = caseThreads(problem.spec, problem.spec.cases[token.caseIndex].args);
  const verdict = (r.verdict === 'OK' ? 'JE' : r.verdict) as Verdict;
  const site = r.error !== undefined ? sub.mapper.firstSite(errorStack(r.error)) : undefined;
  renumberSteps(r.trace);
  nameObjects(r.trace, r.blocked, sourceLines(sub), r.parts);
  lastTouches(r.trace, r.blocked, r.threads);
  const notes = withNotesGrouped(r.notes);
  // A livelock's message already says who spins; the note is for runs that fail otherwise.
  if (r.busyWaiting && r.verdict !== 'TLE') notes.push('This run busy-waits: a thread spins with yieldThread() or sleep() while waiting.');
  const failure: Failure = {
    verdict,
    message: (r.message ?? 'the run failed') + (site ? ` (at ${site.file}:${site.line})` : ''),
    threads: r.threads,
    startOrder: token.order.map((i) => threads[i].name),
    trace: cutTrace(foldRepeats(r.trace)),
    steps: r.steps,
    notes,
    replay: encodeToken(token),
    reproduced,
    strategy: token.strategy,
    schedulesToFailure: schedules,
  };
  if (r.expected !== undefined) failure.expected = r.expected;
  if (r.actual !== undefined) failure.actual = r.actual;
  else {
    // Whatever the failure, what was printed so far helps to read it.
    const printed = r.events.flatMap((e) => (e.kind === 'emit' ? [e.value] : [])).join('');
    if (printed !== '') failure.actual = printed;
  }
  if (r.blocked) failure.blocked = r.blocked;
  const stack = r.error !== undefined ? learnerStack(sub, r.error) : undefined;
  if (stack) failure.stack = stack;
  const pointsAt = site ?? r.blocked?.find((b) => b.site)?.site ?? [...r.trace].reverse().find((t) => t.site)?.site;
  if (pointsAt) failure.site = pointsAt;
  inLearnersWords(failure, requiredMethods(problem.spec), sub.methodName, sub.language === 'python');
  failure.message = withMisuseHint(failure.message, r.error === undefined ? undefined : describeError(r.error), sub.language === 'python');
  return failure;
}

/** Longer files are not kept in results (a report shows the trace without the code). */
const MAX_SOURCE = 200_000;

/** The learner's file, for a report to show beside a failing run's trace. */
function keptSource(sub: LoadedSubmission): Pick<ProblemResult, 'source'> {
  const text = sub.mapper.sourceText(sub.file);
  return text !== undefined && text.length <= MAX_SOURCE ? { source: { file: sub.file, text } } : {};
}

/** The learner's files by line, for naming objects as the learner wrote them. */
function sourceLines(sub: LoadedSubmission): SourceLines {
  const cache = new Map<string, readonly string[] | undefined>();
  return (file) => {
    if (!cache.has(file)) cache.set(file, sub.mapper.sourceText(file)?.split('\n'));
    return cache.get(file);
  };
}

/** The learner's stack of a thrown value, or undefined when it has none that can be read safely. */
function learnerStack(sub: LoadedSubmission, error: unknown): string | undefined {
  // The mapper reads name, message and stack: only ever hand it a real Error, never a Proxy.
  if (errorStack(error) === undefined) return undefined;
  try {
    return sub.mapper.mapStack(error);
  } catch {
    return undefined;
  }
}

/** Long traces (livelocks) keep their beginning and their end. */
function cutTrace(trace: TraceStep[]): TraceStep[] {
  if (trace.length <= TRACE_HEAD + TRACE_TAIL) return trace;
  const omitted = trace.length - TRACE_HEAD - TRACE_TAIL;
  const gap = traceGap(trace[TRACE_HEAD].step, omitted);
  return [...trace.slice(0, TRACE_HEAD), gap, ...trace.slice(-TRACE_TAIL)];
}

/**
 * Decodes a replay token and checks it against `problem` (its case, start order and budget):
 * throws ReplayTokenError, a mistake of whoever passed the token, never a verdict of the file.
 * Callers that judge elsewhere (the sandbox) check with this before handing the job on.
 */
export function checkReplayToken(problem: LoadedProblem, text: string): ReplayToken {
  const token = decodeToken(text);
  const spec = problem.spec;
  checkTokenFits(token, {
    id: spec.id,
    cases: spec.cases.map((c) => ({ name: c.name, threads: caseThreads(spec, c.args).length, budget: c.steps ?? spec.limits.steps })),
  });
  return token;
}

/** Runs one recorded schedule again, traced: `interleave run --replay`. */
async function replay(problem: LoadedProblem, sub: LoadedSubmission, base: ProblemResult, text: string): Promise<ProblemResult> {
  const token = checkReplayToken(problem, text);
  const kase = problem.spec.cases[token.caseIndex];
  const t0 = performance.now();
  const { r, diverged } = await traceRun(problem, sub, token);
  const fileChanged = token.hash !== sub.hash;
  const explored = { startOrders: 1, schedules: 1, steps: r.steps, strategies: ['replay'], runMs: [round2(r.ms)], runSteps: [r.steps], busyWaiting: r.busyWaiting };
  const c: CaseResult = { name: kase.name, verdict: 'AC', points: kase.points, maxPoints: kase.points, timeMs: ms(t0), explored };
  if (r.verdict !== 'OK') {
    const failure = toFailure(problem, sub, { ...token, strategy: token.strategy.startsWith('replay of ') ? token.strategy : `replay of ${token.strategy}` }, r, !diverged, 1);
    if (fileChanged) failure.notes.unshift('The file changed since this token was made: the replay may differ from the original run.');
    Object.assign(c, { verdict: failure.verdict, points: 0, failure });
  }
  const source = c.failure ? keptSource(sub) : {};
  // The run replayed is the one the token's exploration found: say its seed, not the default.
  const seed = token.seed ?? base.seed;
  return { ...base, seed, verdict: c.verdict, score: c.points, maxScore: kase.points, cases: [c], replay: c.failure?.replay, replayed: { fileChanged }, ...source };
}

/** Checks the module loads and has the class and its methods (CE), without running threads. */
function probeClass(problem: LoadedProblem, sub: LoadedSubmission): { verdict: Verdict; message: string; site?: SourceSite } | null {
  const spec = problem.spec;
  const rt = new Runtime({ strategy: new RandomStrategy(0), budget: 1000, dataSeed: 0, tracing: false });
  setActiveRuntime(rt);
  // Learner code that threw while `doing` something: its own failure, or the run's when the run
  // failed for itself on the way (an endless loop at the top level is TLE).
  const fault = (e: unknown, doing: string, threw: string): { verdict: Verdict; message: string; site?: SourceSite } => {
    const failed = rt.snapshot();
    if (failed.verdict !== 'OK' && failed.message) return { verdict: failed.verdict, message: `${doing}: ${failed.message}` };
    return { verdict: 'RTE', message: `${threw} threw ${describeError(e)}`, site: sub.mapper.firstSite(errorStack(e)) };
  };
  try {
    let exports: Record<string, unknown>;
    try {
      exports = rt.runAsMain(() => sub.runModule());
    } catch (e) {
      return fault(e, `loading ${sub.file}`, `loading ${sub.file}`);
    }
    // Reading the exports may run learner code (a getter, a Proxy's trap): as the module's own code, guarded.
    const check = (): { verdict: Verdict; message: string } | null => {
      const Cls = solutionClass(exports, spec.className);
      if (typeof Cls !== 'function') return { verdict: 'CE', message: noClassMessage(sub.file, spec.className, exports) };
      for (const m of requiredMethods(spec)) {
        // A method an instance owns (an arrow-function field, a getter) is checked on each run's instance.
        if (!mayHaveMethod(Cls, m, (name) => sub.mentions(name))) return { verdict: 'CE', message: missingMethodMessage(spec, sub, m, undefined, Cls) };
      }
      return null;
    };
    try {
      return rt.runAsMain(check);
    } catch (e) {
      return fault(e, `reading ${spec.className} from ${sub.file}`, `reading ${spec.className} from what ${sub.file} exports`);
    }
  } finally {
    setActiveRuntime(null);
  }
}

/** What the module exports instead of the class, said so that the fix is plain. */
function noClassMessage(file: string, className: string, exports: unknown): string {
  if (file.endsWith('.py')) {
    const found = Object.keys(exports as object).filter((k) => !k.startsWith('_'));
    return `${file} has no class named ${className}${found.length ? ` (it defines: ${found.join(', ')})` : ''}; define \`class ${className}:\` at the top level of the file`;
  }
  const write = `write \`export class ${className} { … }\` (or, in CommonJS, \`module.exports = { ${className} }\`)`;
  if (typeof exports === 'function') {
    const name = Object.getOwnPropertyDescriptor(exports, 'name')?.value;
    return `${file} exports a single function or class (module.exports = …)${typeof name === 'string' && name !== '' ? ` named ${name}` : ''}, not a class named ${className}; ${write}`;
  }
  const found = Object.keys(exports as object).filter((k) => k !== '__esModule');
  const what = found.length === 0 ? ' (it exports nothing: is the `export` missing?)' : ` (it exports: ${found.join(', ')})`;
  return `${file} does not export a class named ${className}${what}; ${write}`;
}

/** Every case gets the verdict (compile errors, a module that throws on load). */
function failAll(base: ProblemResult, problem: LoadedProblem, verdict: Verdict, error: NonNullable<ProblemResult['error']>): ProblemResult {
  return unjudgedResult({ problem: base.problem, file: base.file, seed: base.seed, verdict, error, cases: problem.spec.cases, maxScore: base.maxScore });
}

function ms(t0: number): number {
  return Math.round(performance.now() - t0);
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
