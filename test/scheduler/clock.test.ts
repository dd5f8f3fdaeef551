/**
 * The virtual clock fires timers in the order they come due, those due together in the order they
 * were set, whatever order they were set in and however many (a sorted list's insert was
 * quadratic: 300,000 timers of decreasing delays took a job's whole CPU time).
 */
import * as path from 'node:path';
import { judgeFile } from '../../harness/judge/index';
import { Clock } from '../../harness/scheduler/clock';
import { orderedFoo } from '../support/ordered-foo';

test('timers fire by time, and those due at once in the order they were set; cancelled ones never', () => {
  const clock = new Clock();
  const fired: string[] = [];
  const delays = [50, 10, 30, 10, 0, 30, 20];
  const timers = delays.map((d, i) => clock.after(d, () => fired.push(`${d}:${i}`)));
  clock.cancel(timers[5]);
  while (clock.advance()) fired.push(`@${clock.now}`);
  expect(fired).toEqual(['0:4', '@0', '10:1', '10:3', '@10', '20:6', '@20', '30:2', '@30', '50:0', '@50']);
  expect(clock.pending).toBe(false);
});

test('a timer set while others fire waits for the next advance, even when due at once', () => {
  const clock = new Clock();
  const fired: string[] = [];
  clock.after(5, () => {
    fired.push('a');
    clock.after(0, () => fired.push('c'));
  });
  clock.after(5, () => fired.push('b'));
  clock.advance();
  expect(fired).toEqual(['a', 'b']);
  clock.advance();
  expect(fired).toEqual(['a', 'b', 'c']);
});

test('300,000 timers set in decreasing order are the run’s step budget spent, told as such, not the whole CPU time', async () => {
  const source = orderedFoo('for (let i = 0; i < 300000; i++) setTimeout(() => {}, 300000 - i);');
  const r = await judgeFile('print-in-order', path.join(__dirname, 'not-on-disk', 'Foo.ts'), { source, seed: 1, stopAtFirstFailure: true });
  expect(r.verdict).toBe('TLE');
  expect(r.cases.find((c) => c.failure)!.failure!.message).toMatch(/each timer's callback is a step of its own, and the run set more timers than its [\d,]+ steps allow/);
}, 60_000);
