/** Workflow commands: escaping as GitHub documents, annotations at the learner's line, stop-commands. */
import { failureAnnotations, formatAnnotation } from '../../harness/classroom/annotations';
import { gradeProblem } from '../../harness/classroom/grades';
import { escapeData, escapeProperty, stopCommands, stopToken, workflowCommand } from '../../harness/report/workflow-commands';
import { FOOBAR_CASES, caselessResult, failure, foobarResult } from './fixtures';

describe('workflow command escaping', () => {
  test('data escapes %, CR and LF', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
  });

  test('properties also escape : and ,', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  test('% is escaped first, so an escape sequence in learner text stays literal', () => {
    expect(escapeData('%0A')).toBe('%250A');
  });

  test('a command puts escaped properties and message on one line', () => {
    expect(workflowCommand('error', { file: 'src/a,b.ts', line: 3, title: 'x: y' }, 'one\ntwo')).toBe('::error file=src/a%2Cb.ts,line=3,title=x%3A y::one%0Atwo');
    expect(workflowCommand('error', { file: undefined, line: undefined, title: 't' }, 'm')).toBe('::error title=t::m');
  });
});

describe('error annotations', () => {
  test('one per failing case, at the learner line, with the verdict in the title and the replay command', () => {
    const a = failureAnnotations([gradeProblem(foobarResult(3), FOOBAR_CASES)]);
    expect(a).toHaveLength(2);
    expect(a[0]).toEqual({
      file: 'src/FooBar.ts',
      line: 29,
      title: 'foobar: DL in case n = 50',
      message: 'DL deadlock: bar is blocked and no thread can proceed\nnpx interleave run foobar src/FooBar.ts --replay IL1.TOKEN',
    });
    expect(formatAnnotation(a[0])).toBe(
      '::error file=src/FooBar.ts,line=29,title=foobar%3A DL in case n = 50::DL deadlock: bar is blocked and no thread can proceed%0Anpx interleave run foobar src/FooBar.ts --replay IL1.TOKEN',
    );
  });

  test('a compile error is annotated once, at its file and line', () => {
    const a = failureAnnotations([gradeProblem(caselessResult('CE', 'FooBar.ts:4:13: Unexpected ";"', 'src/FooBar.ts', { file: 'FooBar.ts', line: 4 }), FOOBAR_CASES)]);
    expect(a).toHaveLength(1);
    expect(formatAnnotation(a[0])).toMatch(/^::error file=src\/FooBar\.ts,line=4,title=foobar%3A CE::CE compile error: FooBar\.ts:4:13: Unexpected ";"%0A/);
  });

  test('paths are made relative to the repository root', () => {
    const a = failureAnnotations([gradeProblem(foobarResult(4), FOOBAR_CASES)], { repoPath: (f) => `assignment/${f}` });
    expect(a[0].file).toBe('assignment/src/FooBar.ts');
  });

  test('learner text in an annotation stays on its line: it cannot start a command', () => {
    const f = failure({ verdict: 'RTE', message: 'Error: x\n::add-mask::secret\r\n::error::fake', blocked: undefined });
    const line = formatAnnotation(failureAnnotations([gradeProblem(foobarResult(0, f), FOOBAR_CASES)])[0]);
    expect(line).not.toMatch(/[\r\n]/);
    expect(line).toMatch(/^::error file=src\/FooBar\.ts,line=29,title=foobar%3A RTE in case n = 1::RTE run-time error: Error: x/);
  });
});

describe('stop-commands', () => {
  test('wraps text between ::stop-commands::<token> and ::<token>::', () => {
    const token = stopToken();
    const out = stopCommands('learner says\n::add-mask::secret\n::error::fake\n', token);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe(`::stop-commands::${token}`);
    expect(lines.at(-1)).toBe(`::${token}::`);
    expect(lines.slice(1, -1)).toEqual(['learner says', '::add-mask::secret', '::error::fake']);
  });

  test('tokens are long, random and different each time', () => {
    const a = stopToken();
    expect(a).toMatch(/^interleave-[0-9a-f]{32}$/);
    expect(stopToken()).not.toBe(a);
  });
});
