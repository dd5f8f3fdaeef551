/**
 * problem.json's validator. Compiling the schema with ajv costs about 0.1 s, paid by every command
 * and every sandbox worker that loads a problem; so `npm run build` writes the same validator out
 * as plain code (ajv's standalone output, scripts/build.js) beside this file, and it is used when
 * it was generated from this very schema. Otherwise (the TypeScript sources under the tests, a
 * build without that step) the schema is compiled here, once per process, when first needed.
 */
import type { ErrorObject } from 'ajv';
import { schemaHash } from '../model/sha256';
import type { ProblemSpec } from './problem';
import schema from './problem.schema.json';

/**
 * The generated validator's file name, beside this module in dist/harness/judge/ (required by this
 * literal name below, so that the sandbox worker's bundle takes it in).
 */
export const VALIDATOR_FILE = 'problem-schema.validate.js';

/** The ajv options the schema is compiled with, here and by the build. */
export const AJV_OPTIONS = { allErrors: true, strict: true } as const;

export interface ProblemValidator {
  (data: unknown): data is ProblemSpec;
  errors?: ErrorObject[] | null;
}

let validator: ProblemValidator | undefined;

/** The validator of problem.json (generated at build time when it matches the schema, else compiled now). */
export function problemValidator(): ProblemValidator {
  return (validator ??= generated() ?? compiled());
}

function generated(): ProblemValidator | undefined {
  let mod: { default?: ProblemValidator; schemaHash?: string };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require('./problem-schema.validate.js');
  } catch {
    return undefined;
  }
  return typeof mod.default === 'function' && mod.schemaHash === schemaHash(schema) ? mod.default : undefined;
}

function compiled(): ProblemValidator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv2020 = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
  return new Ajv2020(AJV_OPTIONS).compile<ProblemSpec>(schema) as ProblemValidator;
}
