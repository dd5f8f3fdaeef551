/**
 * Files that were surely meant for a problem but are named wrong (`foobar.ts`, `FooBar.tsx`,
 * `FoBar.ts` for `FooBar.ts`): discovery matches files by their exact class name and lists the
 * rest as ignored; this finds, among a student's ignored files, those whose name is the class
 * name of a problem the student did not submit, up to case or a near miss, so that reports can
 * say "did you mean FooBar.ts?" instead of a silent "not submitted".
 */
import * as path from 'node:path';
import type { ProblemInfo } from '../model/class-results';

/** One misnamed file: the student's path (relative to their folder) and the name it should have. */
export interface MisnamedFile {
  problemId: string;
  /** The file as the student named it, relative to the student's folder (`src/foobar.ts`). */
  file: string;
  /** The name it needs: `FooBar.ts`. */
  expected: string;
}

const SOURCE = /\.(ts|tsx|js|jsx|mts|cts|mjs|cjs)$/i;

/**
 * The student's ignored files that look meant for a problem they did not submit (at most one per
 * problem, the nearest). `submitted` are the ids of the problems they did submit.
 */
export function misnamedFiles(ignored: readonly string[], problems: readonly ProblemInfo[], submitted: ReadonlySet<string>): MisnamedFile[] {
  const out: MisnamedFile[] = [];
  for (const p of problems) {
    if (submitted.has(p.id)) continue;
    let best: { file: string; d: number } | undefined;
    for (const file of ignored) {
      const base = path.basename(file);
      if (!SOURCE.test(base)) continue;
      const stem = base.replace(SOURCE, '');
      const d = nameDistance(stem, p.className, p.id);
      if (d !== null && (!best || d < best.d)) best = { file, d };
    }
    if (best) out.push({ problemId: p.id, file: best.file, expected: `${p.className}.ts` });
  }
  return out;
}

/** `did you mean FooBar.ts?` with the file found. */
export function misnamedNote(m: MisnamedFile): string {
  return `${m.file} is not graded: did you mean ${m.expected}?`;
}

/**
 * How far a file's stem is from a class name (0: same but for case, `-`, `_` or a `.test`-less
 * suffix), or null when it is not a near miss.
 */
function nameDistance(stem: string, className: string, id: string): number | null {
  const norm = (s: string): string => s.toLowerCase().replace(/[-_\s.]/g, '');
  const a = norm(stem);
  const b = norm(className);
  if (a === b || a === norm(id)) return 0;
  const d = distance(a, b);
  return d <= Math.max(1, Math.floor(b.length / 4)) ? d : null;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** A graded student's misnamed files by problem id, from their results (`ignored` and the problems they submitted). */
export function misnamedOf(
  student: { problems: readonly { problem: string }[]; ignored: readonly string[] },
  problems: readonly ProblemInfo[],
): Map<string, MisnamedFile> {
  const submitted = new Set(student.problems.map((p) => p.problem));
  return new Map(misnamedFiles(student.ignored, problems, submitted).map((m) => [m.problemId, m]));
}
