/**
 * Checkers keep their state per run: `start(ctx)` makes a fresh check for every run, and the
 * first version's form (methods over the events so far) still works, seeing one run's events only.
 */
import { defineChecker, type CheckContext } from '../../harness/judge/checker';
import { allOf, exactOutput } from '../../harness/judge/checks';
import type { RunEvent } from '../../harness/model/events';

const ctx: CheckContext = { args: { n: 1 }, kindOf: () => 'foo', nameOf: (i) => `t${i}`, numberOf: () => 1, now: () => 0 };
const emit = (value: string, index: number): RunEvent => ({ kind: 'emit', thread: 1, callback: 'print', value, step: index, index });

test('each run starts with a fresh state: a short run does not inherit the output of the one before', () => {
  const checker = exactOutput(() => ['foo', 'bar']);
  const first = checker.start(ctx);
  expect(first.onEvent!(emit('foo', 0))).toBeNull();
  expect(first.onEvent!(emit('bar', 1))).toBeNull();
  expect(first.final!()).toBeNull();
  const second = checker.start(ctx);
  expect(second.onEvent!(emit('foo', 0))).toBeNull();
  expect(second.final!()).toBe('every thread returned, but only 1 of the 2 expected outputs was printed');
});

test('a checker of the first form sees only its own run’s events', () => {
  const legacy = defineChecker({ final: (events) => (events.length === 1 ? null : `saw ${events.length}`) });
  for (let run = 0; run < 3; run++) {
    const check = legacy.start(ctx);
    check.onEvent!(emit('x', 0));
    expect(check.final!()).toBeNull();
  }
});

test('allOf: the first failure wins, and a deadlock is explained by whichever check can', () => {
  const quiet = defineChecker({ start: () => ({ onEvent: () => null }) });
  const loud = defineChecker({ start: () => ({ onEvent: () => 'no', explainDeadlock: () => 'a cycle' }) });
  const check = allOf(quiet, loud).start(ctx);
  expect(check.onEvent!(emit('x', 0))).toBe('no');
  expect(check.explainDeadlock!([1])).toBe('a cycle');
});
