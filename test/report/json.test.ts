import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { jsonReporter, prettyJson } from '../../harness/report/json';
import { validateResults } from '../../harness/model/validate';
import { classResults } from './fixtures';
import { useTempDir } from './tmpdir';

const dir = useTempDir();

describe('results.json', () => {
  test('is the results, pretty-printed, and reads back valid and equal', async () => {
    const [file] = await jsonReporter().render(classResults, dir());
    const text = readFileSync(file, 'utf8');
    expect(path.basename(file)).toBe('results.json');
    expect(text).toMatch(/^\{\n {2}"version": 1,\n/);
    expect(validateResults(JSON.parse(text))).toEqual(classResults);
  });

  test('leaves no temporary file behind', async () => {
    await jsonReporter().render(classResults, dir());
    expect(readdirSync(dir())).toEqual(['results.json']);
  });

  test('refuses invalid results and writes nothing', async () => {
    const bad = { ...classResults, seed: 'x' } as never;
    await expect(jsonReporter().render(bad, dir())).rejects.toThrow(/\/seed: must be of type integer/);
    expect(readdirSync(dir())).toEqual([]);
  });
});

describe('prettyJson', () => {
  test('indents objects but keeps arrays of numbers and flat records on one line', () => {
    const value = { a: [1, 2.5, 3], b: ['x'], c: [], d: { e: [0] }, steps: [{ step: 1, kind: 'op', site: { file: 'F.ts', line: 3 } }] };
    expect(prettyJson(value)).toBe(
      '{\n  "a": [1, 2.5, 3],\n  "b": [\n    "x"\n  ],\n  "c": [],\n  "d": {\n    "e": [0]\n  },\n  "steps": [\n    { "step": 1, "kind": "op", "site": { "file": "F.ts", "line": 3 } }\n  ]\n}\n',
    );
  });

  test('reads back equal for a whole class', () => {
    expect(JSON.parse(prettyJson(classResults))).toEqual(classResults);
  });

  test('leaves strings that look like arrays alone', () => {
    const value = { s: '[1, 2]', t: '\u0000[1, 2]', u: { v: '"\\' } };
    expect(JSON.parse(prettyJson(value))).toEqual(value);
  });
});
