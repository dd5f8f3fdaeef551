import * as os from 'node:os';
import { parseGradeArgs, UsageError } from '../../harness/cli/grade-args';

describe('grade options', () => {
  test('defaults: reports/, one worker per core, each problem’s own limits', () => {
    expect(parseGradeArgs(['subs'])).toEqual({
      dir: 'subs',
      out: 'reports',
      workers: os.availableParallelism(),
      problems: undefined,
      seed: undefined,
      fresh: false,
      memoryMb: undefined,
      jobTimeoutMs: undefined,
    });
  });

  test('every option, in both spellings', () => {
    expect(
      parseGradeArgs(['--out=r', 'subs', '--workers', '3', '--problems', 'foobar, print-in-order', '--seed=7', '--fresh', '--memory', '256', '--job-timeout', '2.5']),
    ).toEqual({
      dir: 'subs',
      out: 'r',
      workers: 3,
      problems: ['foobar', 'print-in-order'],
      seed: 7,
      fresh: true,
      memoryMb: 256,
      jobTimeoutMs: 2500,
    });
  });

  test.each([
    [[], 'give the folder of submissions to grade'],
    [['a', 'b'], 'one submissions folder at a time (got a, b)'],
    [['a', '--workers', '0'], '--workers must be a whole number of at least 1 (got 0)'],
    [['a', '--workers', '1.5'], '--workers must be a whole number (got 1.5)'],
    [['a', '--seed'], '--seed needs a value'],
    [['a', '--colour'], 'unknown option --colour'],
  ])('%j is a usage error: %s', (argv, message) => {
    expect(() => parseGradeArgs(argv as string[])).toThrow(new UsageError(message));
  });

  test('-h asks for help', () => {
    expect(parseGradeArgs(['-h'])).toBe('help');
  });
});
