/** Small number and text formats shared by every reporter, so all outputs agree. */
import { VERDICT_NAMES, type Verdict } from '../model/result';

/** A score as people write it: `4`, `2.5`, never `2.5000000001`. */
export function formatScore(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Milliseconds for people: `850 ms`, `1.24 s`, `2 min 5 s`. */
export function formatMs(ms: number): string {
  if (ms < 1) return `${Math.round(ms * 100) / 100} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** A share as a whole percentage; `–` when there is nothing to divide. */
export function formatPercent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–';
}

/** `1,234` style grouping without depending on the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 student`, `1,234 students`: a count with its noun, plural unless it is one. */
export function formatCountOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${Math.round(n) === 1 ? singular : plural}`;
}

/** `wrong answer` for `WA`. */
export function verdictName(v: Verdict): string {
  return VERDICT_NAMES[v];
}

/**
 * Where in the learner's file: `FooBar.ts:12`. A site in the submission itself (`submission`)
 * shows only the file's base name: its full path is in the heading, and a trace repeats it often.
 */
export function formatSite(site: { file: string; line: number } | undefined, submission?: string): string {
  if (!site) return '';
  const file = site.file === submission ? (site.file.split(/[\\/]/).pop() ?? site.file) : site.file;
  return `${file}:${site.line}`;
}
