/**
 * What learner code reads of a stack (`error.stack`, `console.log(error)`): its own frames at its
 * own lines, `    at FooBar.foo (FooBar.ts:7:26)`, and nothing of the judge: no judge frame, no
 * path of this machine. Installed in sandbox workers as V8's `prepareStackTrace` on the engine's
 * own `Error`, in place of SES's (set through SES's tamed `Error`, it would get call sites wrapped
 * in safe facets: six times the cost of a stack, which the judge reads at every traced step); a
 * stack without a learner frame (the judge's own errors) keeps the engine's text, and so does the
 * judge's reading of any stack (scheduler/engine-stack.ts). Learner code can read the formatter
 * (SES's `Error.prepareStackTrace` getter) but not replace it, and it is hardened.
 */
import { harden } from '../scheduler/harden';
import { judgeReadsOwnStack, keepEngineStack } from '../scheduler/engine-stack';
import type { SourceMapper } from './sourcemap';

/** The loaded submissions' mappers, by the name their code runs under (the latest load of a name wins). */
const mappers = new Map<string, SourceMapper>();

/** Stacks through `mapper`'s code are shown in its learner's terms from now on. */
export function showLearnerStacks(mapper: SourceMapper): void {
  mappers.set(mapper.sourceURL, mapper);
}

interface CallSite {
  getScriptNameOrSourceURL(): string | null | undefined;
  toString(): string;
}

/** Sets the realm's stack formatter on `engineError`, the Error V8 asks (call once, after SES's `lockdown()`). */
export function installLearnerStacks(engineError: ErrorConstructor): void {
  (engineError as unknown as { prepareStackTrace: unknown }).prepareStackTrace = harden((error: object, sites: readonly CallSite[]): string => {
    // As V8 writes it: the error's own text, then a frame a line.
    const header = String(error);
    let engine = header;
    for (const site of sites) engine += `\n    at ${site.toString()}`;
    if (judgeReadsOwnStack()) return engine;
    let mapper: SourceMapper | undefined;
    for (const site of sites) {
      mapper = mappers.get(String(site.getScriptNameOrSourceURL()));
      if (mapper !== undefined) break;
    }
    if (mapper === undefined) return engine;
    keepEngineStack(error, engine);
    return mapper.mapStackText(header, engine);
  });
}
