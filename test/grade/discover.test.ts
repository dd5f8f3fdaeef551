import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { classroomNames } from '../../harness/pool/batch/classroom';
import { discoverClass, OutFolderIsAStudent } from '../../harness/pool/batch/discover';
import type { ProblemInfo } from '../../harness/model/class-results';

const PROBLEMS: ProblemInfo[] = [
  { id: 'foobar', title: 'FooBar', className: 'FooBar', maxScore: 100 },
  { id: 'print-in-order', title: 'Print in Order', className: 'Foo', maxScore: 100 },
];

let root = '';
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'interleave-discover-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function files(paths: string[]): void {
  for (const p of paths) {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), '// x\n');
  }
}

describe('a plain class folder', () => {
  test('has one student per folder, each with the files named after a problem’s class', () => {
    files(['alice/Foo.ts', 'alice/FooBar.js', 'bob/FooBar.ts', 'carol/notes.md']);
    const c = discoverClass(root, PROBLEMS);
    expect(c.layout).toBe('plain');
    expect(c.students.map((s) => [s.student, s.files.map((f) => `${f.problemId}:${f.rel}`), s.ignored])).toEqual([
      ['alice', ['foobar:alice/FooBar.js', 'print-in-order:alice/Foo.ts'], []],
      ['bob', ['foobar:bob/FooBar.ts'], []],
      ['carol', [], []],
    ]);
  });

  test('lists other source files as ignored, and prefers .ts to .js for the same class', () => {
    files(['alice/Foo.ts', 'alice/Foo.js', 'alice/Helper.ts', 'alice/types.d.ts']);
    const [alice] = discoverClass(root, PROBLEMS).students;
    expect(alice.files.map((f) => f.rel)).toEqual(['alice/Foo.ts']);
    expect(alice.ignored).toEqual(['Foo.js (another Foo file is graded: Foo.ts)', 'Helper.ts']);
  });

  test('a helper a graded file imports (directly or through another helper) is part of it, not ignored', () => {
    files(['alice/Helper.ts', 'alice/lib/index.ts', 'alice/lib/deep.ts', 'alice/Unused.ts']);
    writeFileSync(path.join(root, 'alice/Foo.ts'), "import { helper } from './Helper';\nexport class Foo {}\n");
    writeFileSync(path.join(root, 'alice/Helper.ts'), "export { x } from './lib';\nexport const helper = 1;\n");
    writeFileSync(path.join(root, 'alice/lib/index.ts'), "import './deep.js';\nexport const x = 2;\n");
    const [alice] = discoverClass(root, PROBLEMS).students;
    expect(alice.files.map((f) => f.rel)).toEqual(['alice/Foo.ts']);
    expect(alice.ignored).toEqual(['Unused.ts']);
  });

  test("a file of long runs of spaces after `import` is read in one pass: the class's discovery never stalls on it", () => {
    files(['alice/Helper.ts', 'alice/Later.ts']);
    // 200,000 spaces after an `import` took the import scan half a minute (every split of the run was tried).
    const pad = ' '.repeat(200_000);
    writeFileSync(path.join(root, 'alice/Foo.ts'), `// import${pad}\nimport${pad}('./Later');\nimport { helper } from './Helper';\nexport class Foo {}\n`);
    const [alice] = discoverClass(root, PROBLEMS).students;
    expect(alice.files.map((f) => f.rel)).toEqual(['alice/Foo.ts']);
    expect(alice.ignored).toEqual([]);
  });

  test('grades only the chosen problems, without calling the others ignored', () => {
    files(['alice/Foo.ts', 'alice/FooBar.ts']);
    const [alice] = discoverClass(root, [PROBLEMS[1]], PROBLEMS).students;
    expect(alice.files.map((f) => f.problemId)).toEqual(['print-in-order']);
    expect(alice.ignored).toEqual([]);
  });

  test('never follows a symbolic link: it could point at another student’s file or a solution', () => {
    files(['alice/Foo.ts']);
    mkdirSync(path.join(root, 'mallory'));
    symlinkSync(path.join(root, 'alice', 'Foo.ts'), path.join(root, 'mallory', 'Foo.ts'));
    const mallory = discoverClass(root, PROBLEMS).students.find((s) => s.student === 'mallory')!;
    expect(mallory.files).toEqual([]);
    expect(mallory.ignored).toEqual(['Foo.ts (a symbolic link: submit the file itself)']);
  });

  test('skips dot folders and node_modules, and reports stray files', () => {
    files(['.git/Foo.ts', 'node_modules/x/Foo.ts', 'README.md', 'alice/Foo.ts']);
    const c = discoverClass(root, PROBLEMS);
    expect(c.students.map((s) => s.student)).toEqual(['alice']);
    expect(c.stray).toEqual(['README.md']);
  });
});

describe('the output folder inside the submissions folder', () => {
  test('holding only the grader’s own output from an earlier run, it is skipped and is no student', () => {
    files(['alice/Foo.ts']);
    const out = path.join(root, 'reports');
    mkdirSync(out);
    for (const f of ['results.json', 'index.html', 'junit.xml', 'grades.csv', '.journal.jsonl', '.grader.lock', '.workers', 'shard.json']) {
      writeFileSync(path.join(out, f), '{}\n');
    }
    expect(discoverClass(root, PROBLEMS, PROBLEMS, out).students.map((s) => s.student)).toEqual(['alice']);
  });

  test('holding a source file, it is a student’s folder: discovery refuses, naming it and saying to choose another --out', () => {
    files(['alice/Foo.ts', 'reports/Foo.ts', 'reports/helper.ts']);
    const out = path.join(root, 'reports');
    let refused: unknown;
    try {
      discoverClass(root, PROBLEMS, PROBLEMS, out);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(OutFolderIsAStudent);
    expect((refused as Error).message).toContain("is a student's folder");
    expect((refused as Error).message).toContain('it holds reports/Foo.ts, reports/helper.ts');
    expect((refused as Error).message).toContain('Choose another --out');
  });
});

describe('a GitHub Classroom export', () => {
  test('names students after their repositories without the assignment prefix, finding files anywhere', () => {
    files([
      'hw3-print-alice/src/Foo.ts',
      'hw3-print-alice/.git/HEAD',
      'hw3-print-alice/node_modules/pkg/Foo.ts',
      'hw3-print-bob-smith/Foo.ts',
      'hw3-print-bob-smith/test/Foo.test.ts',
    ]);
    const c = discoverClass(root, PROBLEMS);
    expect(c.layout).toBe('classroom');
    expect(c.students.map((s) => [s.student, s.files.map((f) => f.rel), s.ignored])).toEqual([
      ['alice', ['hw3-print-alice/src/Foo.ts'], []],
      ['bob-smith', ['hw3-print-bob-smith/Foo.ts'], ['test/Foo.test.ts']],
    ]);
  });

  test('the shallowest file of a class wins', () => {
    files(['hw-alice/Foo.ts', 'hw-alice/old/Foo.ts', 'hw-bob/src/Foo.ts']);
    const [alice] = discoverClass(root, PROBLEMS).students;
    expect(alice.files.map((f) => f.rel)).toEqual(['hw-alice/Foo.ts']);
    expect(alice.ignored).toEqual(['old/Foo.ts (another Foo file is graded: Foo.ts)']);
  });
});

describe('classroomNames', () => {
  test('cuts the common prefix after its last dash', () => {
    expect(classroomNames(['hw1-alan', 'hw1-alice'])).toEqual(['alan', 'alice']);
    expect(classroomNames(['a-b-c-x', 'a-b-c-y-z'])).toEqual(['x', 'y-z']);
  });

  test('keeps the names when there is no prefix, one folder, or the cut would clash or empty a name', () => {
    expect(classroomNames(['alice', 'alan'])).toEqual(['alice', 'alan']);
    expect(classroomNames(['hw1-alice'])).toEqual(['hw1-alice']);
    expect(classroomNames(['hw1-', 'hw1-bob'])).toEqual(['hw1-', 'hw1-bob']);
  });
});
