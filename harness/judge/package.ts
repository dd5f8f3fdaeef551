/**
 * A problem package's shape, checked the way Kattis' verifyproblem does (without its size): the
 * definition validates, the statement and template are there, every folder under solutions/ is
 * an expected verdict, and there is at least one accepted solution.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { problemsDir } from '../paths';
import { loadProblem, ProblemError } from './problems';
import type { Verdict } from '../model/result';

/** The folder names of solutions/ and the verdict each expects (`rejected`: any failure). */
export const VERDICT_FOLDERS: Record<string, Verdict | 'rejected'> = {
  accepted: 'AC',
  wrong_answer: 'WA',
  deadlock: 'DL',
  time_limit_exceeded: 'TLE',
  run_time_error: 'RTE',
  compile_error: 'CE',
  memory_limit_exceeded: 'MLE',
  output_limit_exceeded: 'OLE',
  rejected: 'rejected',
};

export interface PackageSolution {
  /** Path relative to the package: `solutions/deadlock/course_two_events.ts`. */
  name: string;
  file: string;
  expected: Verdict | 'rejected';
}

export interface PackageInspection {
  problem: string;
  errors: string[];
  solutions: PackageSolution[];
}

/** Does a verdict satisfy what the folder expects? */
export function verdictMatches(expected: Verdict | 'rejected', got: Verdict): boolean {
  if (expected === 'rejected') return got !== 'AC' && got !== 'JE';
  return expected === got;
}

export function inspectPackage(id: string, dir = problemsDir()): PackageInspection {
  const root = path.join(dir, id);
  const errors: string[] = [];
  const solutions: PackageSolution[] = [];
  try {
    loadProblem(id, dir);
  } catch (e) {
    if (!(e instanceof ProblemError)) throw e;
    errors.push(e.message);
  }
  for (const f of ['statement.md', 'template.ts']) {
    if (!fs.existsSync(path.join(root, f))) errors.push(`${id}/${f} is missing`);
  }
  const solDir = path.join(root, 'solutions');
  if (!fs.existsSync(solDir)) {
    errors.push(`${id}/solutions/ is missing: add solutions/accepted/ with at least one correct solution`);
    return { problem: id, errors, solutions };
  }
  for (const folder of fs.readdirSync(solDir, { withFileTypes: true })) {
    if (!folder.isDirectory()) {
      errors.push(`${id}/solutions/${folder.name}: put solutions in a folder named after their verdict (${Object.keys(VERDICT_FOLDERS).join(', ')})`);
      continue;
    }
    const expected = VERDICT_FOLDERS[folder.name];
    if (expected === undefined) {
      errors.push(`${id}/solutions/${folder.name}/ is not a verdict folder; did you mean ${nearest(folder.name, Object.keys(VERDICT_FOLDERS))}/?`);
      continue;
    }
    for (const f of fs.readdirSync(path.join(solDir, folder.name)).sort()) {
      if (!/\.(ts|js|py)$/.test(f)) continue;
      solutions.push({ name: `solutions/${folder.name}/${f}`, file: path.join(solDir, folder.name, f), expected });
    }
  }
  if (!solutions.some((s) => s.expected === 'AC')) errors.push(`${id}: no accepted solution: add one to solutions/accepted/ (a package must prove it can be solved)`);
  solutions.sort((a, b) => a.name.localeCompare(b.name));
  return { problem: id, errors, solutions };
}

/** The candidate closest to `word` (Levenshtein distance). */
export function nearest(word: string, candidates: string[]): string {
  let best = candidates[0];
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
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
