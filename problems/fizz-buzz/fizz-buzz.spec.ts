import { verifyProblem } from '../../test/support/verify';

verifyProblem('fizz-buzz');

import * as path from 'node:path';
import { judgeSubmission } from '../../harness/judge/judge';
import { loadProblem } from '../../harness/judge/problems';

test('a number passed as text is a wrong answer at its line, with the call to write instead', async () => {
  const file = path.join(__dirname, 'solutions/wrong_answer/number_as_text.ts');
  const r = await judgeSubmission(loadProblem('fizz-buzz'), file, { seed: 3, stopAtFirstFailure: true });
  const failure = r.cases.find((c) => c.failure)?.failure;
  expect([r.verdict, failure?.message]).toEqual(['WA', 'printNumber("1") at number_as_text.ts:43: printNumber takes an integer, not a string; write printNumber(1)']);
});
