/** grades.csv: one row per student for a gradebook import (RFC 4180). */
import * as path from 'node:path';
import { misnamedNote, misnamedOf } from './misnamed';
import { formatScore } from './format';
import type { ClassResults } from '../model/class-results';
import type { ClassReporter } from './reporter';
import { resultFor } from './stats';
import { writeFileAtomic } from './write-file';

export const GRADES_FILE = 'grades.csv';

/**
 * The gradebook table: `student`, one score column per problem (headed by its id), `total`.
 * A problem a student did not submit is an empty cell (not graded), not a 0, so a gradebook can
 * tell the two apart; the total counts it as nothing. When some student's file was misnamed
 * (`foobar.ts` for `FooBar.ts`), a last column `notes` says so: "did you mean FooBar.ts?".
 */
export function formatGradesCsv(results: ClassResults): string {
  const notes = results.students.map((s) => [...misnamedOf(s, results.problems).values()].map((m) => `${m.problemId}: ${misnamedNote(m)}`).join('; '));
  const withNotes = notes.some((n) => n !== '');
  const rows: string[][] = [['student', ...results.problems.map((p) => p.id), 'total', ...(withNotes ? ['notes'] : [])]];
  results.students.forEach((s, i) => {
    const scores = results.problems.map((p) => {
      const r = resultFor(s, p.id);
      return r ? formatScore(r.score) : '';
    });
    rows.push([s.student, ...scores, formatScore(s.score), ...(withNotes ? [notes[i]] : [])]);
  });
  // CRLF line ends, as RFC 4180 asks and spreadsheet imports expect.
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One RFC 4180 field. A text that a spreadsheet would run as a formula (starts with = + - @, or
 * a tab or carriage return) gets a leading apostrophe (OWASP's advice on CSV injection): student
 * names come from folder and repository names, which anyone can choose. Numbers are left alone.
 */
export function csvCell(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes grades.csv. */
export function csvReporter(): ClassReporter {
  return {
    name: 'csv',
    async render(results: ClassResults, outDir: string): Promise<string[]> {
      const file = path.join(outDir, GRADES_FILE);
      await writeFileAtomic(file, formatGradesCsv(results));
      return [file];
    },
  };
}
