/**
 * The language seam: what a learner language provides so the judge can run it without knowing
 * it. A language has file extensions, compiles a file (or reports a compile error, CE), and loads
 * the compiled form into a {@link LoadedSubmission}: the module runs afresh for every run, and its
 * exports are classes the judge instantiates with `new` and whose methods it calls from its
 * threads; a method call returns something the scheduler awaits (TypeScript: the lowered `async`
 * function's task; Python: a proxy coroutine that runs the method in the Python process). The
 * mapper maps what the judge captures (a stack, the running operation) to the learner's line.
 *
 * Languages: ./typescript.ts (TypeScript and JavaScript), ./python/ (Python 3.10+).
 */
import type { SourceSite } from '../model/result';
import type { CompiledSubmission } from './compile';

/**
 * On a class a language stands in for (Python's facade): the names of the learner's own methods,
 * as the learner spelled them, so that a misnamed one can be pointed at.
 */
export const LEARNER_METHODS = Symbol('interleave.learnerMethods');

/** Maps the judge's view of learner code to the learner's own file and line. */
export interface SiteMapper {
  /** The learner's line calling into the judge now (only asked while tracing). */
  callerSite(skip?: number): SourceSite | undefined;
  /** The learner's innermost line in a stack (a thrown error's), or the one `skip` further out. */
  firstSite(stack: string | undefined, skip?: number): SourceSite | undefined;
  /** The stack of a thrown error as the learner reads it: their frames only. */
  mapStack(error: unknown): string | undefined;
  /** The learner's text of one of their files, by base name. */
  sourceText(file: string): string | undefined;
}

export interface LoadedSubmission {
  /** The file name as the learner wrote it. */
  file: string;
  /** The language's id (`typescript`, `python`). */
  language: string;
  /** A short hash of the code: replay tokens carry it to detect a changed file. */
  hash: string;
  mapper: SiteMapper;
  /**
   * Runs the module body (under an active runtime, as the main thread) and returns its exports.
   * `attributeSwitchPoints`: the problem's (see ProblemSpec); a language without such races ignores it.
   */
  runModule(opts?: { attributeSwitchPoints?: boolean }): Record<string, unknown>;
  /** A problem's method name as this language spells it (messages name the learner's method). */
  methodName(method: string): string;
  /**
   * Does the code name `identifier` anywhere (a method, a property key, a string)? When it does
   * not, no instance can have such a method, and the judge says so before any run.
   */
  mentions(identifier: string): boolean;
  /** Frees what the submission holds (a language's process); loading again is always possible. */
  dispose(): void;
}

export interface LearnerLanguage {
  readonly id: string;
  /** For people: `Python`. */
  readonly name: string;
  /** File extensions, with the dot, lower case: `.py`. */
  readonly extensions: readonly string[];
  /** A problem's method (`setMessage`) as a solution in this language names it (`set_message`). */
  methodName(method: string): string;
  /** A one-line signature for statements: `def set_message(self, message)`. */
  signature?(className: string, method: string, params: readonly string[]): string;
  /** Compiles `file` (its text is `source` when given); throws CompileError for a CE. */
  compile(file: string, source?: string): Promise<CompiledSubmission>;
  /** Makes the compiled submission runnable; may throw CompileError. */
  load(compiled: CompiledSubmission): Promise<LoadedSubmission>;
}
