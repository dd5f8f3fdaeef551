/**
 * Turns compiled learner code into a function that runs the module body, with only the
 * endowments as globals. Two ways, one contract: in sandbox workers the realm is hardened with
 * SES (`lockdown()`, then a `Compartment` per submission: frozen intrinsics, no `process`, no
 * `Function('return this')`); in trusted in-process use (tests, benchmarks) a plain `Function`
 * whose parameters shadow the dangerous globals.
 */

import { harden } from '../scheduler/harden';
import { installLearnerStacks } from './learner-stack';

/** The names the module body receives as arguments. */
const MODULE_PARAMS = ['module', 'exports'];

/** What a module body is: call it with fresh `module` and `exports` to run it once more. */
export type ModuleBody = (module: { exports: Record<string, unknown> }, exports: Record<string, unknown>) => void;

let hardened = false;

/**
 * Hardens this process for hostile code (SES `lockdown()`): call once, first thing, in every
 * sandbox worker. Intrinsics are frozen afterwards, for the judge too.
 */
export function hardenRealm(): void {
  if (hardened) return;
  // The engine's own Error, before SES puts its tamed one in its place: V8 asks it to format stacks.
  const engineError = Error;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('ses');
  (globalThis as unknown as { lockdown: (o: object) => void }).lockdown({
    errorTaming: 'unsafe',
    stackFiltering: 'verbose',
    overrideTaming: 'severe',
    consoleTaming: 'unsafe',
    localeTaming: 'unsafe',
    evalTaming: 'safe-eval',
  });
  installLearnerStacks(engineError);
  hardened = true;
}

export function isHardened(): boolean {
  return hardened;
}

/** Names learner code must never see in trusted mode. */
const SHADOWED = ['process', 'global', 'globalThis', 'Buffer', 'setImmediate', 'clearImmediate', 'module', 'exports'];

/**
 * Compiles the module body once. `sourceURL` names the code in stack traces; returns the body
 * and how many lines the evaluator put before the code (to map stack lines back).
 */
export function evaluateModule(
  code: string,
  sourceURL: string,
  globals: Record<string, unknown>,
): { body: ModuleBody; lineOffset: number } {
  const source = `${code}\n//# sourceURL=${sourceURL}\n`;
  if (hardened) {
    const Compartment = (globalThis as unknown as { Compartment: new (o: object) => { evaluate(s: string): unknown } })
      .Compartment;
    const c = new Compartment({ globals: { ...globals }, __options__: true });
    const body = c.evaluate(`(function (${MODULE_PARAMS.join(', ')}) {\n${source}})`) as ModuleBody;
    // Runs of one job share the compartment: nothing one run leaves on its global may reach the next.
    harden((c as unknown as { globalThis: object }).globalThis);
    return { body, lineOffset: 1 };
  }
  const names = Object.keys(globals);
  const shadow = SHADOWED.filter((n) => !(n in globals) && !MODULE_PARAMS.includes(n));
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const factory = new Function(...names, ...shadow, `return function (${MODULE_PARAMS.join(', ')}) {\n${source}}`);
  const body = factory(...names.map((n) => globals[n]), ...shadow.map(() => undefined)) as ModuleBody;
  return { body, lineOffset: 3 };
}
