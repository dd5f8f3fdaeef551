/**
 * A primitive used the wrong way keeps CPython's words (what a learner searches for) and says
 * what to do, in the learner's language.
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { withMisuseHint } from '../../harness/judge/misuse-hints';
import { ROOT } from '../support/cli';

const RTE = (file: string) => path.join(ROOT, 'problems/print-in-order/solutions/run_time_error', file);

test.each([
  ['notify_without_lock.ts', /cannot notify on un-acquired lock in thread first \(at notify_without_lock\.ts:\d+\)\. To fix it, hold the Condition while you wait\(\) or notify\(\): `await cond\.acquire\(\)` first/],
  ['notify_without_lock.py', /cannot notify on un-acquired lock in thread first \(at notify_without_lock\.py:\d+\)\. To fix it, hold the Condition while you wait\(\) or notify\(\): put the call inside `with self\.cond:`/],
])('%s: the message says how to fix it', async (file, says) => {
  const r = await judgeFile('print-in-order', RTE(file), { seed: 1 });
  expect(r.verdict).toBe('RTE');
  expect(r.cases.find((c) => c.failure)!.failure!.message).toMatch(says);
});

test('a release without an acquire and a BoundedSemaphore released once too often say what to do; other messages are left as they are', () => {
  const unlocked = 'RuntimeError: Lock.release(): release unlocked lock';
  expect(withMisuseHint(`a() threw ${unlocked}`, unlocked, false)).toMatch(/\. To fix it, release only what this thread acquired/);
  const bounded = 'ValueError: BoundedSemaphore.release(): semaphore released too many times (start value 1)';
  expect(withMisuseHint(`a() threw ${bounded}`, bounded, true)).toMatch(/release\(\) once per acquire\(\)$/);
  expect(withMisuseHint('a() threw Error: kaboom', 'Error: kaboom', false)).toBe('a() threw Error: kaboom');
});

test("a learner's own error that quotes a misuse it caught gets no hint (it was told how to fix what it handled)", async () => {
  const source = `import { Event, Lock } from 'interleave/sync';
export class Foo {
  private e1 = new Event();
  private e2 = new Event();
  async first(p: () => void) {
    try { await new Lock().release(); } catch (e) { throw new Error('first gave up after ' + String(e)); }
    p();
  }
  async second(p: () => void) { await this.e1.wait(); p(); await this.e2.set(); }
  async third(p: () => void) { await this.e2.wait(); p(); }
}
`;
  const r = await judgeFile('print-in-order', path.join(ROOT, 'quoted.ts'), { source, seed: 1 });
  const message = r.cases.find((c) => c.failure)!.failure!.message;
  expect(message).toMatch(/^first\(\) threw Error: first gave up after RuntimeError: Lock\.release\(\): release unlocked lock in thread first \(at quoted\.ts:6\)$/);
});
