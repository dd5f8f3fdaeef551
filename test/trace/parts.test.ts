/** The parts the trace is made with: names from source text, folding, loop guards' columns. */
import { foldRepeats } from '../../harness/judge/fold-trace';
import { lastTouches, pythonSpelling, receiverOf, withItems } from '../../harness/judge/object-names';
import { instrument, unshiftColumn } from '../../harness/loader/instrument';
import type { BlockedThread, TraceStep } from '../../harness/model/result';

describe('receiverOf: the object a call was made on, as written', () => {
  test.each([
    ['    await this.fooReady.wait();', 'wait', 'this.fooReady'],
    ['    await this.events[1].clear();', 'clear', 'this.events[1]'],
    ['    void this.#lock.release();', 'release', 'this.#lock'],
    ['    await forks[(p + 1) % 5].acquire();', 'acquire', 'forks[(p + 1) % 5]'],
    ['  await ev?.wait();', 'wait', 'ev'],
  ])('%s', (line, method, expected) => {
    expect(receiverOf(line, method, line.indexOf(`${method}(`))).toBe(expected);
  });

  test('picks the call nearest the column when a line has two', () => {
    const line = 'await a.set(); await b.set();';
    expect(receiverOf(line, 'set', line.lastIndexOf('set'))).toBe('b');
    expect(receiverOf(line, 'set', line.indexOf('set'))).toBe('a');
  });

  test('says nothing where the receiver is not a plain name (a call result)', () => {
    expect(receiverOf('await make().wait();', 'wait', 14)).toBeUndefined();
    expect(receiverOf('await wait();', 'wait', 6)).toBeUndefined();
  });
});

describe('withItems: the objects of a Python `with` line, in order', () => {
  test.each([
    ['        with self._condition:', ['self._condition']],
    ['    with lock:  # guard the counter', ['lock']],
    ['    with self.forks[(i + 1) % 5] as fork:', ['self.forks[(i + 1) % 5]']],
    ['    with self.a, self.b:', ['self.a', 'self.b']],
    ['    with self.forks[i], self.forks[j] as held:', ['self.forks[i]', 'self.forks[j]']],
  ])('%s', (line, expected) => {
    expect(withItems(line)).toEqual(expected);
  });

  test.each([['    with make_lock():'], ['    with lock: counter += 1'], ['    await self.lock.acquire();']])('says nothing for %s', (line) => {
    expect(withItems(line)).toBeUndefined();
  });
});

test('receiverOf: the nth call of a method on a line, where the column is not known (Python)', () => {
  const line = '        self.go3.set(); self.go2.set()';
  expect(receiverOf(line, 'set', 0, 0)).toBe('self.go3');
  expect(receiverOf(line, 'set', 0, 1)).toBe('self.go2');
});

test('pythonSpelling: a Python row says what the learner wrote (notify_all, task_done, blocking=False)', () => {
  expect(pythonSpelling('Condition.notifyAll() → woke 2')).toBe('Condition.notify_all() → woke 2');
  expect(pythonSpelling('waits in Queue.taskDone()')).toBe('waits in Queue.task_done()');
  expect(pythonSpelling('Lock.acquire(blocking: false) → not acquired')).toBe('Lock.acquire(blocking=False) → not acquired');
  expect(pythonSpelling('Event.wait() → set')).toBe('Event.wait() → set');
  expect(pythonSpelling('waits in sleep(500)')).toBe('waits in time.sleep(0.5)');
  expect(pythonSpelling('sleep(700.0000000000001)')).toBe('time.sleep(0.7)');
  expect(pythonSpelling('yieldThread()')).toBe('time.sleep(0)');
  expect(pythonSpelling('Queue.get() → threw QueueEmpty: Queue.get(): still empty after 50 ms')).toBe('Queue.get() → raised queue.Empty');
});

describe('foldRepeats', () => {
  const row = (thread: number, text: string, step: number): TraceStep => ({ step, thread, kind: 'op', text, site: { file: 'F.ts', line: 10 + thread } });

  test('a row repeated in a row becomes one row with its count', () => {
    const trace = [row(1, 'start', 1), ...Array.from({ length: 50 }, (_, i) => row(1, 'yieldThread()', i + 2)), row(2, 'x', 60)];
    expect(foldRepeats(trace).map((t) => [t.text, t.repeat])).toEqual([['start', undefined], ['yieldThread()', 50], ['x', undefined]]);
  });

  test('two threads taking turns fold into one pass of the cycle', () => {
    const trace = Array.from({ length: 20 }, (_, i) => row(i % 2, 'yieldThread()', i));
    expect(foldRepeats(trace).map((t) => [t.thread, t.repeat])).toEqual([[0, 10], [1, 10]]);
  });

  test('rows that repeat fewer than three times stay as they are', () => {
    const trace = [row(1, 'a', 1), row(1, 'a', 2), row(1, 'b', 3)];
    expect(foldRepeats(trace)).toEqual(trace);
  });
});

describe('instrument: loop guards', () => {
  test('guards every kind of loop and maps columns back past what it inserted', () => {
    const code = 'for (;;) x();\nwhile (a) { b(); }\ndo { c(); } while (d);\nfor (const k of e) f(k);\n';
    const g = instrument(code);
    expect(g.loops).toEqual([[1, 0], [2, 0], [3, 0], [4, 0]]);
    // One global lookup, at the top: the guards call a local alias (a compartment's globals are slow).
    expect(g.code.startsWith('var __il_loop = __interleave_loop;')).toBe(true);
    expect(g.code).toContain('for (;;) {__il_loop(0);x();}');
    expect(g.code).toContain('while (a) {__il_loop(1); b(); }');
    // `b()` sits further right in the guarded code: its column maps back to the original one.
    const guardedLine = g.code.split('\n')[1];
    expect(unshiftColumn(g.shifts, 2, guardedLine.indexOf('b()'))).toBe(code.split('\n')[1].indexOf('b()'));
    const first = g.code.split('\n')[0];
    expect(unshiftColumn(g.shifts, 1, first.indexOf('x()'))).toBe(code.indexOf('x()'));
    expect(unshiftColumn(g.shifts, 1, first.lastIndexOf('}'))).toBe(code.indexOf('x();') + 4);
  });

  test('keeps "use strict" first', () => {
    const g = instrument('"use strict";\nwhile (a) b();\n');
    expect(g.code).toBe('"use strict";var __il_loop = __interleave_loop;\nwhile (a) {__il_loop(0);b();}\n');
    expect(unshiftColumn(g.shifts, 1, '"use strict";'.length + 3)).toBe('"use strict";'.length);
  });

  test('leaves code without loops alone', () => {
    expect(instrument('a();\n')).toEqual({ code: 'a();\n', loops: [], catches: [], awaits: [], shifts: {} });
  });
});

describe('what a blocked thread waits on was last touched by', () => {
  test('the thread itself, when it took the lock after waiting for it (the wake-up is the taking)', () => {
    const trace: TraceStep[] = [
      { step: 4, thread: 0, kind: 'op', text: 'with self.lock → acquired', object: 1 },
      { step: 8, thread: 1, kind: 'block', text: 'waits to enter with self.lock', object: 1 },
      { step: 11, thread: 0, kind: 'op', text: 'end of with self.lock → released', object: 1 },
      { step: 14, thread: 1, kind: 'wake', text: 'with self.lock → acquired', object: 1 },
      { step: 14, thread: 1, kind: 'block', text: 'waits to enter with self.lock', object: 1 },
    ];
    const blocked: BlockedThread[] = [{ thread: 'second', waitsIn: 'with self.lock', object: 1 }];
    lastTouches(trace, blocked, ['first', 'second']);
    expect(blocked[0].lastTouches?.map((t) => [t.thread, t.step, t.text])).toEqual([
      ['second', 14, 'with self.lock → acquired'],
      ['first', 11, 'end of with self.lock → released'],
    ]);
  });

  test('not a thread woken from a wait, which changes nothing another thread waits for', () => {
    const trace: TraceStep[] = [
      { step: 3, thread: 0, kind: 'op', text: 'this.ready.clear()', object: 2 },
      { step: 6, thread: 1, kind: 'wake', text: 'this.ready.wait() → set', object: 2 },
    ];
    const blocked: BlockedThread[] = [{ thread: 'bar', waitsIn: 'this.ready.wait()', object: 2 }];
    lastTouches(trace, blocked, ['foo', 'bar']);
    expect(blocked[0].lastTouches?.map((t) => t.thread)).toEqual(['foo']);
  });
});
