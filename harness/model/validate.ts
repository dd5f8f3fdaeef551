/**
 * Checks results against results.schema.json (and the few rules a schema cannot say) before any
 * reporter reads them, so a broken results file fails with a list of what to fix instead of a
 * half-written report.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import type { ProblemResult } from './result';
import type { ClassResults } from './class-results';
import { schemaHash } from './sha256';
import schema from './results.schema.json';

/** One thing wrong with a results document, located by JSON pointer (RFC 6901). */
export interface ResultsProblem {
  pointer: string;
  message: string;
}

/** Thrown by the validators: `problems` holds every finding, the message lists them. */
export class ResultsValidationError extends Error {
  constructor(
    readonly problems: ResultsProblem[],
    what: string,
  ) {
    super(`invalid ${what} (${count(problems.length)}):\n${problems.map((p) => `  ${p.pointer || '/'}: ${p.message}`).join('\n')}`);
    this.name = 'ResultsValidationError';
  }
}

const SCHEMA_ID = schema.$id;
/** The schemas validated, by the name of their validator (the build generates the same). */
export const RESULTS_VALIDATORS = { classResults: SCHEMA_ID, problemResult: `${SCHEMA_ID}#/$defs/ProblemResult` } as const;
/** The ajv options, here and in the build's generated validators. */
export const RESULTS_AJV_OPTIONS = { allErrors: true, strict: true } as const;
type Validators = Record<keyof typeof RESULTS_VALIDATORS, ValidateFunction>;
let compiled: Validators | undefined;

/**
 * Compiling takes 0.2 s or more: `npm run build` writes the validators out as plain code
 * (scripts/build.js) beside this file, used when made from this very schema; else they are
 * compiled once, on first use.
 */
function validators(): Validators {
  return (compiled ??= generated() ?? compile());
}

function generated(): Validators | undefined {
  let mod: Partial<Validators> & { schemaHash?: string };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file the build writes, absent under the tests
    mod = require('./results-schema.validate.js');
  } catch {
    return undefined;
  }
  if (mod.schemaHash !== schemaHash(schema) || !mod.classResults || !mod.problemResult) return undefined;
  return { classResults: mod.classResults, problemResult: mod.problemResult };
}

function compile(): Validators {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- ajv itself is loaded only to compile
  const Ajv2020 = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
  const ajv = new Ajv2020(RESULTS_AJV_OPTIONS);
  ajv.addSchema(schema);
  return { classResults: ajv.getSchema(RESULTS_VALIDATORS.classResults)!, problemResult: ajv.getSchema(RESULTS_VALIDATORS.problemResult)! };
}

/**
 * Validates a parsed results.json and returns it typed.
 * @throws {@link ResultsValidationError} listing every problem by JSON pointer, with a hint.
 */
export function validateResults(data: unknown): ClassResults {
  const check = validators().classResults;
  if (!check(data)) throw new ResultsValidationError(describe(check.errors ?? []), 'results');
  const results = data as ClassResults;
  const problems = semanticProblems(results);
  if (problems.length) throw new ResultsValidationError(problems, 'results');
  return results;
}

/**
 * Validates one ProblemResult (what `interleave run --json` prints).
 * @throws {@link ResultsValidationError} as {@link validateResults} does.
 */
export function validateProblemResult(data: unknown): ProblemResult {
  const check = validators().problemResult;
  if (!check(data)) throw new ResultsValidationError(describe(check.errors ?? []), 'problem result');
  const result = data as ProblemResult;
  const problems = traceProblems(result, '');
  if (problems.length) throw new ResultsValidationError(problems, 'problem result');
  return result;
}

/** Turns ajv's errors into pointer + message + hint, pointing at the offending field itself. */
function describe(errors: ErrorObject[]): ResultsProblem[] {
  const seen = new Set<string>();
  const out: ResultsProblem[] = [];
  for (const e of errors) {
    const p = e.params as Record<string, unknown>;
    let pointer = e.instancePath;
    let message: string;
    switch (e.keyword) {
      case 'required':
        pointer += `/${escapePointer(String(p.missingProperty))}`;
        message = 'is missing; add it (every field of the model without "?" is required)';
        break;
      case 'additionalProperties':
        pointer += `/${escapePointer(String(p.additionalProperty))}`;
        message = 'is not a field of the results model; remove it or check its spelling';
        break;
      case 'enum':
        message = `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
        break;
      case 'const':
        message = `must be ${JSON.stringify(p.allowedValue)}; this file was written by another results version: re-grade to regenerate it`;
        break;
      case 'type':
        message = `must be of type ${String(p.type)}`;
        break;
      case 'maxItems':
        message = `${e.message}: the judge keeps at most ${String(p.limit)} samples`;
        break;
      default:
        message = e.message ?? e.keyword;
    }
    const key = `${pointer}\0${message}`;
    if (!seen.has(key)) out.push({ pointer, message });
    seen.add(key);
  }
  return out;
}

/** Rules JSON Schema cannot express, but that the reporters rely on (lookups by id and index). */
function semanticProblems(r: ClassResults): ResultsProblem[] {
  const out: ResultsProblem[] = [];
  const ids = new Set<string>();
  r.problems.forEach((p, i) => {
    if (ids.has(p.id)) out.push({ pointer: `/problems/${i}/id`, message: `duplicate problem id "${p.id}"; ids name the report's columns` });
    ids.add(p.id);
  });
  const names = new Set<string>();
  r.students.forEach((s, i) => {
    const at = `/students/${i}`;
    if (names.has(s.student)) out.push({ pointer: `${at}/student`, message: `duplicate student "${s.student}"; each student is one row` });
    names.add(s.student);
    const solved = new Set<string>();
    s.problems.forEach((pr, j) => {
      const pat = `${at}/problems/${j}`;
      if (!ids.has(pr.problem)) out.push({ pointer: `${pat}/problem`, message: `"${pr.problem}" is not in /problems; add it there or drop this result` });
      if (solved.has(pr.problem)) out.push({ pointer: `${pat}/problem`, message: `second result for "${pr.problem}"; keep one per student and problem` });
      solved.add(pr.problem);
      out.push(...traceProblems(pr, pat));
    });
  });
  return out;
}

/** A trace step must name a thread of its failure, or no lane can draw it. */
function traceProblems(pr: ProblemResult, at: string): ResultsProblem[] {
  const out: ResultsProblem[] = [];
  pr.cases.forEach((c, k) => {
    const f = c.failure;
    if (!f) return;
    f.trace.forEach((s, n) => {
      if (s.thread >= f.threads.length) {
        out.push({
          pointer: `${at}/cases/${k}/failure/trace/${n}/thread`,
          message: `thread index ${s.thread} is out of range: the failure names ${f.threads.length} thread(s)`,
        });
      }
    });
  });
  return out;
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function count(n: number): string {
  return n === 1 ? '1 problem' : `${n} problems`;
}
