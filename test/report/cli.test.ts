import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { reportCommand } from '../../harness/cli/report';
import { classResults } from './fixtures';
import { useTempDir } from './tmpdir';

const dir = useTempDir();

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await reportCommand(argv, {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  });
  return { code, stdout, stderr };
}

function resultsFile(data: unknown = classResults, text = JSON.stringify(data)): string {
  const file = path.join(dir(), 'results.json');
  writeFileSync(file, text);
  return file;
}

describe('interleave report', () => {
  test('re-renders every report next to the results file and prints the class summary', async () => {
    const r = await run(resultsFile());
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Class results: 6 students × 3 problems');
    expect(readdirSync(dir()).sort()).toEqual(['grades.csv', 'index.html', 'junit.xml', 'results.json']);
  });

  test('writes into --out, in both spellings', async () => {
    const file = resultsFile();
    expect((await run(file, '--out', path.join(dir(), 'a'))).code).toBe(0);
    expect((await run(`--out=${path.join(dir(), 'b')}`, file)).code).toBe(0);
    expect(readdirSync(path.join(dir(), 'a'))).toHaveLength(4);
    expect(readdirSync(path.join(dir(), 'b'))).toHaveLength(4);
  });

  test('a missing file is exit 2 with the path', async () => {
    const r = await run(path.join(dir(), 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope\.json: no such file/);
  });

  test('a file that is not JSON is exit 2', async () => {
    const r = await run(resultsFile(null, '{"version": 1,'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/results\.json is not JSON: /);
  });

  test('invalid results are exit 2 with every problem by pointer, and nothing is written', async () => {
    const r = await run(resultsFile({ ...classResults, seed: 'x', run: {} }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/seed: must be of type integer');
    expect(r.stderr).toContain('/run/durationMs: is missing');
    expect(readdirSync(dir())).toEqual(['results.json']);
  });

  test.each([
    [['--bogus', 'x.json'], /unknown option --bogus/],
    [[], /missing the results file/],
    [['a.json', 'b.json'], /expected one results file, got 2/],
    [['x.json', '--out'], /--out needs a folder/],
  ])('usage error %j is exit 2 with the usage', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('usage: npx interleave report <results.json> [--out <dir>]');
  });

  test('--help prints the usage and succeeds', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npx interleave report/);
  });
});
