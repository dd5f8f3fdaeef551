/**
 * A failure whose replay does not fail the same way: the judge cannot show it (JE, tried again on
 * the next grade), but it says what it found and what the replay did.
 */
import * as path from 'node:path';
import { defineChecker } from '../../harness/judge/checker';
import { judgeSubmission } from '../../harness/judge/judge';
import { loadProblem } from '../../harness/judge/problems';

test('the message names the failure found and what its replay did', async () => {
  const foobar = loadProblem('foobar');
  let runs = 0;
  // Fails the first run it sees only: as a solution that depends on something outside the judge.
  const once = defineChecker({ start: () => ({ final: () => (++runs === 1 ? 'the first run is wrong' : null) }) });
  const file = path.join(__dirname, '../../problems/foobar/solutions/accepted/semaphores.ts');
  const r = await judgeSubmission({ ...foobar, checker: once }, file, { seed: 1, stopAtFirstFailure: true });
  const failure = r.cases.find((c) => c.failure)!.failure!;
  expect([failure.verdict, failure.reproduced]).toEqual(['JE', false]);
  expect(failure.message).toBe(
    'a run failed (WA: the first run is wrong) but its replay passed: the solution may depend on something the judge does not control; if it does not, this is a judge bug, please report it',
  );
});
