/**
 * Finds a class's submissions: `submissions/<student>/<ClassName>.ts` (or .js), or a GitHub
 * Classroom "download all repositories" export, one repository folder per student with the
 * solution files anywhere inside (`hw3-alice/src/FooBar.ts`). A file is matched to a problem by
 * its class name; files that match none and that no graded file imports are listed as ignored,
 * never fatal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ProblemInfo } from '../../model/class-results';
import { specialKind } from '../../loader/special-files';
import { classroomNames } from './classroom';
import { importedFiles } from './imported-files';

/** One file a student submitted for one problem. */
export interface SubmittedFile {
  problemId: string;
  /** Absolute path. */
  file: string;
  /** Path relative to the submissions folder, as reports show it (`alice/Foo.ts`). */
  rel: string;
}

export interface StudentFolder {
  student: string;
  folder: string;
  /** At most one file per problem, in the order of the problems. */
  files: SubmittedFile[];
  /**
   * Source files matching no problem, duplicates and links, and anything that is not a regular
   * file (pipes, sockets, devices: never opened), relative to the student's folder, with why.
   */
  ignored: string[];
}

export interface ClassFolder {
  layout: 'plain' | 'classroom';
  students: StudentFolder[];
  /** Files lying directly in the submissions folder, outside any student's. */
  stray: string[];
}

const SOURCE = /\.(ts|js|mts|cts|mjs|cjs|py)$/;
const SKIPPED_DIRS = new Set(['node_modules']);
/**
 * The output folder lies where a student's folder would be and holds source files: it is a
 * student's folder (a student named `reports`, the default --out), not the grader's own output.
 * Skipped as an output folder, that student would vanish from the grades without a word, and the
 * reports would be written among their files; so grading does not start.
 */
export class OutFolderIsAStudent extends Error {
  override name = 'OutFolderIsAStudent';
  constructor(
    readonly out: string,
    readonly dir: string,
    /** Source files found in it, relative to it. */
    readonly sources: readonly string[],
  ) {
    const shown = (p: string): string => path.relative(process.cwd(), p) || '.';
    const listed = sources.slice(0, 3).join(', ') + (sources.length > 3 ? ', …' : '');
    super(
      `the output folder ${shown(out)} is a student's folder in ${shown(dir)}: it holds ${listed}, which look${sources.length === 1 ? 's' : ''} ` +
        `like a submission, so it would not be graded and the reports would be written into it. Choose another --out (outside ` +
        `${shown(dir)}, or a name no student has), and grade again`,
    );
  }
}

/** Classroom repositories hold more than the solution; do not walk forever. */
const MAX_DEPTH = 8;

interface Candidate {
  rel: string;
  depth: number;
  link: boolean;
  /** What it is when it is not a regular file ("a named pipe (FIFO)"): skipped, never opened. */
  special?: string;
}

/**
 * Reads the submissions folder. `problems` are those being graded; a file for another problem is
 * neither graded nor ignored (it belongs to a problem left out with --problems).
 */
export function discoverClass(
  dir: string,
  problems: readonly ProblemInfo[],
  allProblems = problems,
  /** A folder inside `dir` that is not a student's: the output folder, when it is there. */
  exclude?: string,
): ClassFolder {
  const graded = new Map(problems.map((p) => [p.className, p.id]));
  const known = new Set(allProblems.map((p) => p.className));
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  const outHere = exclude !== undefined && entries.some((e) => e.isDirectory() && path.join(dir, e.name) === exclude);
  // The grader's own output (results.json, index.html, junit.xml, grades.csv, its journal and
  // lock) holds no source file: an output folder from an earlier run is skipped, as it should be.
  const sources = outHere ? walk(exclude).map((c) => `${path.basename(exclude)}/${c.rel}`).sort() : [];
  if (sources.length > 0) throw new OutFolderIsAStudent(exclude!, dir, sources);
  const folders = entries
    .filter((e) => e.isDirectory() && !skipped(e.name) && path.join(dir, e.name) !== exclude)
    .map((e) => e.name)
    .sort();
  const stray = entries.filter((e) => !e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  const walked = folders.map((name) => ({ name, candidates: walk(path.join(dir, name)) }));
  const classroom = walked.some(
    (w) => fs.existsSync(path.join(dir, w.name, '.git')) || w.candidates.some((c) => c.depth > 0 && known.has(classOf(c.rel))),
  );
  const names = classroom ? classroomNames(folders) : folders;
  const students = walked.map((w, i) => {
    const folder = path.join(dir, w.name);
    return { student: names[i], folder, ...pick(w.candidates, graded, known, folder, dir) };
  });
  return { layout: classroom ? 'classroom' : 'plain', students, stray };
}

/**
 * The solution files in one folder tree (a student's folder, an assignment repository): for each
 * graded class the shallowest file, TypeScript before JavaScript; links are never followed.
 * `graded` maps class names to problem ids; files of `known` classes that are not graded are left
 * alone; the rest are listed as ignored, with why.
 */
export function solutionFiles(
  folder: string,
  graded: ReadonlyMap<string, string>,
  known: ReadonlySet<string>,
  root = folder,
): Pick<StudentFolder, 'files' | 'ignored'> {
  return pick(walk(folder), graded, known, folder, root);
}

function pick(
  candidates: Candidate[],
  graded: ReadonlyMap<string, string>,
  known: ReadonlySet<string>,
  folder: string,
  root: string,
): Pick<StudentFolder, 'files' | 'ignored'> {
  const ignored: string[] = [];
  const chosen = new Map<string, Candidate>();
  // Shallowest first, then TypeScript before JavaScript, then by name: the first of each class wins.
  const ordered = [...candidates].sort(
    (a, b) => a.depth - b.depth || rank(a.rel) - rank(b.rel) || a.rel.localeCompare(b.rel),
  );
  for (const c of ordered) {
    const cls = classOf(c.rel);
    if (c.special) {
      ignored.push(`${c.rel} (${c.special}, not a regular file: skipped and never opened)`);
    } else if (!known.has(cls)) {
      ignored.push(c.rel);
    } else if (!graded.has(cls)) {
      continue;
    } else if (c.link) {
      ignored.push(`${c.rel} (a symbolic link: submit the file itself)`);
    } else if (chosen.has(cls)) {
      ignored.push(`${c.rel} (another ${cls} file is graded: ${chosen.get(cls)!.rel})`);
    } else {
      chosen.set(cls, c);
    }
  }
  const files = [...graded]
    .filter(([cls]) => chosen.has(cls))
    .map(([cls, problemId]) => {
      const file = path.join(folder, chosen.get(cls)!.rel);
      return { problemId, file, rel: path.relative(root, file).split(path.sep).join('/') };
    });
  // A helper a graded file imports is part of that submission, not an ignored file.
  const used = new Set(files.flatMap((f) => [...importedFiles(f.file)]));
  const unused = ignored.filter((rel) => !used.has(path.join(folder, rel)));
  return { files, ignored: unused.sort() };
}

function walk(folder: string): Candidate[] {
  const out: Candidate[] = [];
  const visit = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const special = specialKind(e);
      if (e.isDirectory()) {
        if (!skipped(e.name) && depth < MAX_DEPTH) visit(full, depth + 1);
      } else if (special) {
        // Whatever its name: opening a pipe blocks for ever, a device may never end.
        out.push({ rel: path.relative(folder, full).split(path.sep).join('/'), depth, link: false, special });
      } else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) {
        // Links are never followed: one could point at another student's file or at a solution.
        out.push({ rel: path.relative(folder, full).split(path.sep).join('/'), depth, link: e.isSymbolicLink() });
      }
    }
  };
  visit(folder, 0);
  return out;
}

function skipped(name: string): boolean {
  return name.startsWith('.') || SKIPPED_DIRS.has(name);
}

function classOf(rel: string): string {
  return path.posix.basename(rel).replace(SOURCE, '');
}

function rank(rel: string): number {
  return rel.endsWith('.ts') ? 0 : 1;
}
