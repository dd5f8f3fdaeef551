/**
 * SHA-256 in hex, and the hash that ties a generated file to the schema it was generated from
 * (the build's standalone validators: judge/problem-schema.ts, model/validate.ts).
 */
import { createHash } from 'node:crypto';

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Which schema a generated validator was made from. */
export function schemaHash(schema: unknown): string {
  return sha256(JSON.stringify(schema));
}
