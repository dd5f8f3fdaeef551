/** interleave/jest's path handling: relative to the test file, run from the project folder. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { locate } from '../../harness/jest/locate';
import { plainError } from '../../harness/jest/run-judge';

describe('locate', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'interleave-jest-'));
    writeFileSync(path.join(root, 'package.json'), '{}');
    mkdirSync(path.join(root, 'test'));
    mkdirSync(path.join(root, 'src'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('resolves the file against the test file folder, and runs from the nearest package.json', () => {
    expect(locate('../src/FooBar.ts', path.join(root, 'test', 'foobar.test.ts'))).toEqual({
      cwd: root,
      abs: path.join(root, 'src', 'FooBar.ts'),
      file: path.join('src', 'FooBar.ts'),
    });
  });

  test('a file beside the test file is named as the replay command needs it', () => {
    expect(locate('./FooBar.ts', path.join(root, 'interleave.test.ts')).file).toBe('FooBar.ts');
  });

  test('a file outside the project keeps its absolute path', () => {
    const outside = path.join(tmpdir(), 'elsewhere', 'FooBar.ts');
    expect(locate(outside, path.join(root, 'interleave.test.ts')).file).toBe(outside);
  });
});

test('failure errors carry their message as their stack, so jest prints the text alone', () => {
  const e = plainError('DL deadlock: bar is blocked');
  expect([e.message, e.stack]).toEqual(['DL deadlock: bar is blocked', 'DL deadlock: bar is blocked']);
});
