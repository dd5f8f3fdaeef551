/** results.json: the validated results, pretty-printed, for `interleave report` and other tools. */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import type { ClassResults } from '../model/class-results';
import type { ClassReporter, RunReporter } from './reporter';
import { validateResults } from '../model/validate';
import { writeFileAtomic } from './write-file';

export const RESULTS_FILE = 'results.json';

/**
 * JSON indented for people, except that small leaves stay on one line: arrays of numbers (up
 * to 200 timing samples per case) and flat records such as a trace step. One value per line
 * made a class's results three times larger and a trace unreadable.
 */
export function prettyJson(value: unknown): string {
  // Leaves go through stringify as tagged strings and are put back unquoted afterwards. The
  // tag holds a NUL and a random part, so no learner string can pass for one.
  const tag = `\u0000${randomBytes(6).toString('hex')}`;
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      const leaf = asLeaf(v);
      return leaf === undefined ? v : tag + leaf;
    },
    2,
  );
  const quoted = JSON.stringify(tag).slice(1, -1).replace(/\\/g, '\\\\');
  return `${text.replace(new RegExp(`"${quoted}(?:[^"\\\\]|\\\\.)*"`, 'g'), (m) => (JSON.parse(m) as string).slice(tag.length))}\n`;
}

const MAX_INLINE = 160;

/** The one-line form of `v` when it is a leaf worth keeping on one line, else undefined. */
function asLeaf(v: unknown): string | undefined {
  if (Array.isArray(v)) {
    if (v.length === 0 || !v.every((x) => typeof x === 'number')) return undefined;
    // Non-finite numbers are null in JSON; join would write NaN.
    return v.every(Number.isFinite) ? `[${v.join(', ')}]` : inline(v);
  }
  if (!isRecord(v)) return undefined;
  for (const x of Object.values(v)) {
    if (isObject(x) && !(isRecord(x) && Object.values(x).every((y) => !isObject(y)))) return undefined;
  }
  const s = inline(v);
  return s.length <= MAX_INLINE ? s : undefined;
}

/** `{ "step": 1, "thread": 0 }` and `[1, 2.5]`: JSON with a space after each separator. */
function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (isRecord(v)) {
    const fields = Object.entries(v).filter(([, x]) => x !== undefined);
    return fields.length ? `{ ${fields.map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(v) ?? 'null';
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return isObject(v) && !Array.isArray(v);
}

/**
 * Writes `results.json` for a class, validated again here because it can be used on its own;
 * for one run, the result object as `run --json` has always printed it.
 */
export function jsonReporter(): ClassReporter & RunReporter {
  return {
    name: 'json',
    formatRun: (result) => JSON.stringify(result, null, 2),
    async render(results: ClassResults, outDir: string): Promise<string[]> {
      const file = path.join(outDir, RESULTS_FILE);
      await writeFileAtomic(file, prettyJson(validateResults(results)));
      return [file];
    },
  };
}
