/**
 * Argument kinds: one file each under harness/judge/args/, and problem.schema.json is made of
 * their schema parts (the file editors read must say what the judge accepts).
 */
import schema from '../../harness/judge/problem.schema.json';
import { ARG_KINDS, argSchema, signature } from '../../harness/judge/args/index';
import { problemErrors } from '../../harness/judge/problems';

test("problem.schema.json's $defs.arg is the registry's kinds, in order", () => {
  expect(schema.$defs.arg).toEqual(argSchema());
});

test('every kind requires its own key, so a spec names exactly one kind', () => {
  for (const k of ARG_KINDS) expect((k.schema.required as string[])[0]).toBe(k.key);
});

test('a signature reads as the learner writes the parameters', () => {
  expect(signature([{ callback: 'printFoo', emits: 'foo' }, { caseArg: 'n' }, { htmlParser: 'graph', fetchMs: 10 }, { threadNumber: true, from: 0, name: 'philosopher' }])).toBe(
    'printFoo, n, htmlParser, philosopher',
  );
});

test('a spec of an unknown kind is refused by the schema, by JSON pointer', () => {
  const p = {
    id: 'x',
    title: 'x',
    className: 'X',
    constructorArgs: [],
    threads: [{ name: 'a', method: 'a', args: [{ htmlparser: 'graph' }] }],
    cases: [{ name: 'c', args: {}, points: 1 }],
    limits: { steps: 10, wallClockMs: 1000, memoryMb: 64, schedules: 1 },
    checker: 'checker.ts',
  };
  expect(problemErrors(p)).toEqual([expect.stringMatching(/^\/threads\/0\/args\/0: names no kind of argument: give it one of "callback", .*did you mean "htmlParser" for "htmlparser"\?$/)]);
});

test('a spec of a known kind is told only what is wrong with it as that kind', () => {
  const with_ = (arg: object) => ({
    id: 'x',
    title: 'x',
    className: 'X',
    constructorArgs: [],
    threads: [{ name: 'a', method: 'a', args: [arg] }],
    cases: [{ name: 'c', args: {}, points: 1 }],
    limits: { steps: 10, wallClockMs: 1000, memoryMb: 64, schedules: 1 },
    checker: 'checker.ts',
  });
  expect(problemErrors(with_({ callback: 'printFoo', emit: 'foo' }))).toEqual(['/threads/0/args/0: must NOT have additional properties — remove "emit" or fix its spelling']);
  expect(problemErrors(with_({ callback: 'printNumber', takes: 'int' }))).toEqual(['/threads/0/args/0/takes: must be equal to one of the allowed values: "integer"']);
});
