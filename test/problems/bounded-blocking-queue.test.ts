/**
 * bounded-blocking-queue's last check (no order of the calls makes them a run of one bounded FIFO
 * queue) names no single wrong value; its message lists what dequeue() and size() returned, so a
 * learner sees the values that cannot all be true (a red team read "cannot all be true" and had
 * to find the size() rows among rows the trace did not show).
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';

const FILE = path.join(__dirname, '..', '..', 'problems', 'bounded-blocking-queue', 'solutions', 'wrong_answer', 'size_counts_reserved.ts');

test.each([1, 2, 3])('a size() that counts a reserved slot is WA, its message saying what size() and dequeue() returned (seed %i)', async (seed) => {
  const r = await judgeFile('bounded-blocking-queue', FILE, { seed, stopAtFirstFailure: true });
  expect(r.verdict).toBe('WA');
  const message = r.cases.find((c) => c.failure)!.failure!.message;
  expect(message).toMatch(/cannot all be true \(dequeue\(\) returned "producer-\d#\d"(, "producer-\d#\d")*; size\(\) returned \d(, \d)*; check what size\(\) counts/);
});
