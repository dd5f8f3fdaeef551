/** Which file is graded for which problem: discovery, --problems, and what cannot be graded. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { planGrading, PlanError } from '../../harness/classroom/plan';

const KNOWN = [
  { id: 'foobar', className: 'FooBar' },
  { id: 'print-in-order', className: 'Foo' },
  { id: 'zero-even-odd', className: 'ZeroEvenOdd' },
];

describe('planGrading', () => {
  let cwd = '';
  beforeEach(() => {
    cwd = mkdtempSync(path.join(tmpdir(), 'interleave-plan-'));
  });
  afterEach(() => rmSync(cwd, { recursive: true, force: true }));
  const touch = (...rels: string[]) => {
    for (const rel of rels) {
      mkdirSync(path.dirname(path.join(cwd, rel)), { recursive: true });
      writeFileSync(path.join(cwd, rel), 'export class X {}\n');
    }
  };
  const jobs = (input: { files?: string[]; problems?: string[] } = {}) =>
    planGrading({ cwd, files: input.files ?? [], problems: input.problems, known: KNOWN }).jobs.map((j) => [j.problemId, j.display, j.exists]);

  test('finds files named after a class anywhere, but not in node_modules or dot folders', () => {
    touch('src/FooBar.ts', 'Foo.ts', 'node_modules/x/ZeroEvenOdd.ts', '.github/ZeroEvenOdd.ts', 'notes/Other.ts');
    expect(jobs()).toEqual([
      ['foobar', path.join('src', 'FooBar.ts'), true],
      ['print-in-order', 'Foo.ts', true],
    ]);
  });

  test('prefers the shallower file, then TypeScript over JavaScript, and notes the others', () => {
    touch('FooBar.js', 'FooBar.ts', 'old/FooBar.ts');
    const plan = planGrading({ cwd, files: [], known: KNOWN });
    expect(plan.jobs.map((j) => j.display)).toEqual(['FooBar.ts']);
    expect(plan.notes).toEqual([
      'not graded: FooBar.js (another FooBar file is graded: FooBar.ts)',
      'not graded: old/FooBar.ts (another FooBar file is graded: FooBar.ts)',
    ]);
  });

  test('with --problems, a missing file is still graded (it will score zero)', () => {
    touch('Foo.ts');
    expect(jobs({ problems: ['foobar', 'print-in-order'] })).toEqual([
      ['foobar', 'FooBar.ts', false],
      ['print-in-order', 'Foo.ts', true],
    ]);
  });

  test('files on the command line are matched by class name; one file with one problem may have any name', () => {
    touch('src/FooBar.ts', 'solution.ts');
    expect(jobs({ files: ['src/FooBar.ts'] })).toEqual([['foobar', path.join('src', 'FooBar.ts'), true]]);
    expect(jobs({ files: ['solution.ts'], problems: ['zero-even-odd'] })).toEqual([['zero-even-odd', 'solution.ts', true]]);
  });

  test('says what to do when a file or problem cannot be graded', () => {
    touch('solution.ts');
    expect(() => jobs({ files: ['solution.ts'] })).toThrow(/cannot tell which problem solution\.ts is for: name it after the class \(FooBar\.ts, Foo\.ts, ZeroEvenOdd\.ts \(or \.js, \.py\)\)/);
    expect(() => jobs({ problems: ['fooba'] })).toThrow(/unknown problem "fooba" in --problems; the problems are: foobar, print-in-order, zero-even-odd/);
    expect(() => jobs()).toThrow(PlanError);
    expect(() => jobs()).toThrow(/nothing to grade/);
  });
});
