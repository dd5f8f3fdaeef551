import { ResultsValidationError, validateProblemResult, validateResults } from '../../harness/model/validate';
import { classResults } from './fixtures';

/** A deep copy to break on purpose. */
function broken(): any {
  return structuredClone(classResults);
}

function problemsOf(data: unknown): { pointer: string; message: string }[] {
  try {
    validateResults(data);
  } catch (e) {
    expect(e).toBeInstanceOf(ResultsValidationError);
    return (e as ResultsValidationError).problems;
  }
  throw new Error('expected the results to be refused');
}

describe('validateResults', () => {
  test('accepts a well-formed class and returns it', () => {
    expect(validateResults(classResults)).toBe(classResults);
  });

  test('refuses an unknown verdict, naming the field by JSON pointer and the allowed values', () => {
    const data = broken();
    data.students[1].problems[0].verdict = 'OK';
    expect(() => validateResults(data)).toThrow(/\/students\/1\/problems\/0\/verdict: must be one of "AC", "WA", "DL"/);
  });

  test('points at a missing field itself, with a hint', () => {
    const data = broken();
    delete data.students[0].problems[0].cases[0].explored.runMs;
    expect(problemsOf(data)).toEqual([{ pointer: '/students/0/problems/0/cases/0/explored/runMs', message: expect.stringMatching(/is missing; add it/) }]);
  });

  test('refuses a field the model does not have (a typo)', () => {
    const data = broken();
    data.students[2].problems[1].cases[1].failure.blockedThreads = [];
    expect(problemsOf(data)).toEqual([{ pointer: '/students/2/problems/1/cases/1/failure/blockedThreads', message: expect.stringMatching(/not a field.*spelling/) }]);
  });

  test('lists every problem, not only the first', () => {
    const data = broken();
    data.seed = 'forty-two';
    data.students[0].score = -1;
    data.students[3].problems[0].cases[1].failure.trace[0].kind = 'jump';
    const err = (() => {
      try {
        validateResults(data);
      } catch (e) {
        return e as Error;
      }
    })();
    expect(err?.message).toMatch(/^invalid results \(3 problems\):/);
    expect(err?.message).toContain('/seed: must be of type integer');
    expect(err?.message).toContain('/students/0/score: must be >= 0');
    expect(err?.message).toContain('/students/3/problems/0/cases/1/failure/trace/0/kind: must be one of');
  });

  test('refuses another results version, saying how to get a current file', () => {
    const data = broken();
    data.version = 2;
    expect(() => validateResults(data)).toThrow(/\/version: must be 1; .*re-grade/);
  });

  test('refuses a trace step whose thread the failure does not name', () => {
    const data = broken();
    data.students[1].problems[0].cases[1].failure.trace[3].thread = 7;
    expect(problemsOf(data)).toEqual([{ pointer: '/students/1/problems/0/cases/1/failure/trace/3/thread', message: expect.stringMatching(/out of range.*3 thread/) }]);
  });

  test('refuses a result for a problem the class does not list, and duplicate students', () => {
    const data = broken();
    data.students[0].problems[0].problem = 'h2o';
    data.students[4].student = 'ada';
    expect(problemsOf(data).map((p) => p.pointer)).toEqual(['/students/0/problems/0/problem', '/students/4/student']);
  });

  test('refuses what is not an object at all', () => {
    expect(() => validateResults(null)).toThrow(/^invalid results \(1 problem\):\n {2}\/: must be of type object/);
  });
});

describe('validateProblemResult', () => {
  test('accepts one judged file, as `run --json` prints it', () => {
    const pr = classResults.students[2].problems[1];
    expect(validateProblemResult(pr)).toBe(pr);
  });

  test('refuses a broken one with pointers relative to it', () => {
    const pr: any = structuredClone(classResults.students[2].problems[1]);
    pr.cases[1].failure.reproduced = 'yes';
    expect(() => validateProblemResult(pr)).toThrow(/invalid problem result \(1 problem\):\n {2}\/cases\/1\/failure\/reproduced: must be of type boolean/);
  });
});
