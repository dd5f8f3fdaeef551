/**
 * Untrusted input at the command line and the sandbox (issue 9): a bad replay token is a usage
 * mistake (exit 2, a message saying what is wrong), never a verdict of the file and never a judge
 * error; an unknown strategy in a pool job is an error, never a zero-schedule AC; a learner who
 * throws a Proxy whose every trap throws gets RTE with a fair message.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { decodeToken, encodeToken } from '../../harness/judge/replay-token';
import { finished, ROOT, startInterleave } from '../support/cli';

const DEADLOCK = path.join(ROOT, 'problems', 'foobar', 'solutions', 'deadlock', 'course_two_events.ts');
const ACCEPTED = path.join(ROOT, 'problems', 'foobar', 'solutions', 'accepted', 'semaphores.ts');
const THROW_PROXY = path.join(ROOT, 'test', 'grade', 'fixtures', 'class', 'throw-proxy', 'Foo.ts');

const run = (args: string[]) => finished(startInterleave(['run', ...args], ROOT, process.env));

let token = '';
beforeAll(async () => {
  const r = await run(['foobar', DEADLOCK, '--json']);
  token = (JSON.parse(r.stdout) as { replay: string }).replay;
}, 120_000);

describe('interleave run --replay with a bad token: exit 2 and a clear message', () => {
  test('a good token replays (the baseline the others are forged from)', async () => {
    expect(token).toMatch(/^IL3\./);
    const r = await run(['foobar', DEADLOCK, '--replay', token]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('DL  the replayed run failed: deadlock');
  }, 60_000);

  const forged = (change: object): string => encodeToken({ ...decodeToken(token), ...change });
  test.each([
    ['a start order naming threads the case lacks', () => forged({ order: [0, 5] }), /start order \[0, 5\] is not an order of case .*'s 2 threads/],
    ['a negative budget', () => forged({ budget: -100 }), /step budget -100 is not between 1 and case/],
    ['a case out of range', () => forged({ caseIndex: 40 }), /names case 41, which problem "foobar" does not have/],
    ['a deflate bomb', () => `IL3.${deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20)).toString('base64url')}`, /unpacks to more than 8 MB/],
    ['a token of version 2', () => token.replace(/^IL3\./, 'IL2.'), /this replay token was made by an older version of Interleave .*; judge the file again to get a new one/],
  ])('%s, replayed on a correct file', async (_, make, message) => {
    const r = await run(['foobar', ACCEPTED, '--replay', make()]);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/JE|judge error|TypeError/);
  }, 60_000);
});

test('a learner that throws a Proxy whose every trap throws: RTE with a fair message, not "stopped abruptly"', async () => {
  const r = await run(['print-in-order', THROW_PROXY, '--json']);
  expect(r.code).toBe(1);
  const result = JSON.parse(r.stdout) as { verdict: string; cases: { failure?: { message: string } }[] };
  expect(result.verdict).toBe('RTE');
  expect(result.cases.find((c) => c.failure)!.failure!.message).toMatch(/^first\(\) threw a Proxy object \(the judge does not look inside a thrown Proxy/);
}, 60_000);

test('an unknown strategy in a pool job is an UnknownStrategyError, never an AC', async () => {
  const script = `
    const { judgeIsolated, limitsFor } = require(${JSON.stringify(path.join(ROOT, 'dist', 'harness', 'pool', 'index.js'))});
    judgeIsolated({ student: '', problemId: 'foobar', file: ${JSON.stringify(ACCEPTED)}, strategy: 'radnom' }, limitsFor(256, 20000)).then(
      (r) => process.stdout.write('resolved ' + r.verdict),
      (e) => process.stdout.write(e.name + ': ' + e.message),
    );`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(stdout).toBe('UnknownStrategyError: unknown strategy "radnom": the strategies are portfolio, random, pct, dfs (did you mean random?)');
}, 60_000);
