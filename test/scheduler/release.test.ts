/**
 * Once a run's outcome is taken the runtime lets go of what the run collected (Runtime.release):
 * learner code may keep closures of the run alive for a while (V8 keeps every generator
 * function's map in its old generation), and they must not keep the run's events with them.
 */
import { Runtime } from '../../harness/scheduler/runtime';
import type { Coroutine } from '../../harness/scheduler/task';
import { RandomStrategy } from '../../harness/strategies/random';
import { step } from '../strategies/threads';

function* printer(rt: Runtime, name: string, n: number): Coroutine {
  for (let i = 0; i < n; i++) {
    rt.event({ kind: 'emit', thread: rt.currentThread!.index, callback: name, value: name, step: rt.steps, index: i });
    yield step();
  }
  return undefined;
}

test('a released run keeps nothing it collected, and its outcome keeps all of it', async () => {
  const strategy = new RandomStrategy(7);
  strategy.nextSchedule();
  const rt = new Runtime({ strategy, budget: 10_000, dataSeed: 1, tracing: false });
  const foo = rt.startThread('foo', () => printer(rt, 'foo', 50), true);
  rt.startThread('bar', () => printer(rt, 'bar', 50), true);
  const outcome = await rt.run();
  expect(outcome.verdict).toBe('OK');
  expect(rt.owns(foo)).toBe(true);

  rt.release();

  expect(outcome.events).toHaveLength(100);
  expect(outcome.decisions.length).toBeGreaterThan(50); // most steps had two threads to choose from
  expect(rt.events).toEqual([]);
  expect(rt.decisions).toEqual([]);
  expect(rt.threads).toEqual([]);
  // An operation or promise of the run left in learner code belongs to no thread of it any more.
  expect(rt.owns(foo)).toBe(false);
});
