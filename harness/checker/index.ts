/**
 * `interleave/checker`: the public API a problem package's `checker.ts` is written against.
 *
 * A checker decides a run from what the judge recorded of it — the harness's calls into the
 * solution, their returns, what each thread printed or asked of a harness service, and the final
 * reads — and fails it (verdict `WA`) by returning a message. `start(ctx)` is called once per
 * run; the run's state lives in what it returns:
 *
 * ```ts
 * export default defineChecker({
 *   start(ctx) {
 *     let held = 0;
 *     return {
 *       onEvent: (ev) => (ev.kind === 'emit' && ++held > 2 ? `${ctx.nameOf(ev.thread)} took a third` : null),
 *       final: () => null,
 *     };
 *   },
 * });
 * ``` Callback affinity, deadlock, livelock and exceptions are the
 * judge's business, not the checker's.
 *
 * ```ts
 * // problems/foobar/checker.ts
 * import { defineChecker, exactOutput } from 'interleave/checker';
 *
 * export default defineChecker(exactOutput((ctx) => Array.from({ length: 2 * (ctx.args.n as number) }, (_, i) => (i % 2 ? 'bar' : 'foo'))));
 * ```
 *
 * The checker is trusted code of the course: it is bundled with esbuild when the problem is
 * loaded (its own relative imports and `interleave/checker` are bundled in; keep it free of other
 * packages) and runs in the judge, outside the learner's compartment. It must be deterministic:
 * the same events must give the same answer, or a replay would not reproduce.
 *
 * @packageDocumentation
 */

export type {
  /** What a checker is told about the case being judged. */
  CheckContext,
  /** A problem's rules: `expected` (optional) and `start(ctx)`, which makes one run's check. */
  Checker,
  /** One run's check, with its own state: `onEvent`, `final`, `actual`, `explainDeadlock`, all optional. */
  RunCheck,
  /** The first version's form (every method gets the events so far), still accepted by `defineChecker`. */
  LegacyChecker,
} from '../judge/checker';
export { defineChecker } from '../judge/checker';

export type {
  /**
   * One thing the judge recorded in a run: a `call` into the solution, its `return`, an `emit`
   * (a print callback called by a thread, with its value and its index among all emits), or a
   * `read` of an instance property once every thread is done (`finalReads` in problem.json).
   * `thread` is the runtime index of the thread: name it with {@link CheckContext.nameOf}.
   */
  RunEvent,
} from '../model/events';

export { allOf, emits, emitsOnlyFrom, exactOutput, output } from '../judge/checks';
