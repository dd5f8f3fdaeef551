import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inspectPackage, nearest } from '../../harness/judge/package';
import { loadProblem, problemErrors, ProblemError } from '../../harness/judge/problems';

const foobar = JSON.parse(fs.readFileSync(path.join(__dirname, '../../problems/foobar/problem.json'), 'utf8'));

test('every shipped problem.json matches the schema', () => {
  for (const id of ['print-in-order', 'foobar', 'zero-even-odd', 'pipeline', 'race-counter']) {
    const data = JSON.parse(fs.readFileSync(path.join(__dirname, `../../problems/${id}/problem.json`), 'utf8'));
    expect(problemErrors(data)).toEqual([]);
  }
});

test('an invalid problem.json lists every error by JSON pointer, with a hint', () => {
  const broken = { ...foobar, clasName: 'FooBar', threads: [{ name: 'foo' }], limits: { ...foobar.limits, steps: -1 } };
  delete (broken as Record<string, unknown>).className;
  const errors = problemErrors(broken);
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^\(the top level\): .*className.* — add "className"/),
      expect.stringMatching(/^\(the top level\): .* — remove "clasName" or fix its spelling/),
      expect.stringMatching(/^\/threads\/0: .*method/),
      expect.stringMatching(/^\/limits\/steps: must be >= 1/),
    ]),
  );
});

function tempPackage(mutate: (dir: string) => void): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-pkg-'));
  fs.cpSync(path.join(__dirname, '../../problems/print-in-order'), path.join(root, 'print-in-order'), { recursive: true });
  // The checker imports the harness by a relative path: point it at this repository's.
  const checker = path.join(root, 'print-in-order/checker.ts');
  fs.writeFileSync(checker, fs.readFileSync(checker, 'utf8').replaceAll('../../harness/', `${path.join(__dirname, '../../harness')}/`));
  mutate(path.join(root, 'print-in-order'));
  return root;
}

test('loading a package whose problem.json is invalid is refused naming the file and the errors', () => {
  const root = tempPackage((dir) => {
    const file = path.join(dir, 'problem.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    data.cases[0].points = 'ten';
    fs.writeFileSync(file, JSON.stringify(data));
  });
  expect(() => loadProblem('print-in-order', root)).toThrow(ProblemError);
  expect(() => loadProblem('print-in-order', root)).toThrow(/problem\.json does not match problem\.schema\.json:\n {2}\/cases\/0\/points: must be number/);
});

test('an unknown problem is refused with the list of problems', () => {
  expect(() => loadProblem('foo-bar')).toThrow(/unknown problem "foo-bar"; the problems are: .*foobar/);
});

test('a solutions folder that is not a verdict is reported with the nearest verdict', () => {
  const root = tempPackage((dir) => fs.renameSync(path.join(dir, 'solutions/deadlock'), path.join(dir, 'solutions/deadlocks')));
  const report = inspectPackage('print-in-order', root);
  expect(report.errors).toContain('print-in-order/solutions/deadlocks/ is not a verdict folder; did you mean deadlock/?');
});

test('a package without an accepted solution is reported', () => {
  const root = tempPackage((dir) => fs.rmSync(path.join(dir, 'solutions/accepted'), { recursive: true }));
  expect(inspectPackage('print-in-order', root).errors).toEqual([
    'print-in-order: no accepted solution: add one to solutions/accepted/ (a package must prove it can be solved)',
  ]);
});

test('nearest() suggests the closest folder name', () => {
  expect(nearest('wrong-answer', ['accepted', 'wrong_answer', 'deadlock'])).toBe('wrong_answer');
  expect(nearest('acepted', ['accepted', 'wrong_answer', 'deadlock'])).toBe('accepted');
});
