/**
 * A problem's attributeSwitchPoints (race-counter's): each read and write of the instance's own
 * data attributes is a switch point after it, so the race inside a bare `self.value += 1` (CPython
 * may switch between its read and its write) is explored and shown. Elsewhere, those a thread
 * makes while holding no Lock, of data some thread may change: a red team's lock-free Pipeline,
 * BoundedBlockingQueue and H2O, which fail in CPython, were accepted when no access switched.
 */
import * as fs from 'node:fs';
import { formatRunResult } from '../../harness/report/console';
import { firstFailure, judgePy, judgeSource, solution } from './helpers';

const SEEDS = [1, 2, 3];

test.each(SEEDS)('race-counter: a bare `self.value += 1` loses an update under seed %i, shown as the reads and writes of self.value', async (seed) => {
  const r = await judgePy('race-counter', solution('race-counter', 'wrong_answer/bare_increment.py'), { seed, stopAtFirstFailure: true });
  expect(r.verdict).toBe('WA');
  const f = firstFailure(r)!;
  expect(f.message).toMatch(/\d+ updates? lost/);
  const rows = f.trace.filter((t) => t.site?.line === 14).map((t) => `${f.threads[t.thread]} ${t.text}`);
  // Two threads read the same value before either wrote it back.
  const reads = rows.filter((t) => / self\.value → \d+$/.test(t));
  const writes = rows.filter((t) => / self\.value = \d+$/.test(t));
  expect(reads.length).toBeGreaterThanOrEqual(2);
  expect(writes.length).toBeGreaterThanOrEqual(1);
  const values = reads.map((t) => t.split(' → ')[1]);
  expect(new Set(values).size).toBeLessThan(values.length);
});

test('race-counter: with the lock, the same += is accepted, and a lock or a method read is no switch point of its own', async () => {
  const source = `import threading


class FakeDatabase:
    def __init__(self):
        self.value = 0
        self._lock = threading.Lock()

    def update(self, name):
        with self._lock:
            self.value += 1
        self._lock
        self.check()

    def check(self):
        pass
`;
  const r = await judgeSource('race-counter', 'locked_increment.py', source, { seed: 1 });
  expect(r.verdict).toBe('AC');
  const steps = r.cases.map((c) => c.explored?.steps ?? 0);
  // Per update: its start, the acquire, the read, the write, the release, its return — not more
  // (reading self._lock and self.check switches nothing).
  const without = source.replace(/ {8}self\._lock\n {8}self\.check\(\)\n/, '');
  expect(without).not.toBe(source);
  const bare = await judgeSource('race-counter', 'locked_increment.py', without, { seed: 1 });
  expect(bare.verdict).toBe('AC');
  expect(bare.cases.map((c) => c.explored?.steps ?? 0)).toEqual(steps);
});

describe('elsewhere, plain data shared without a lock races as in CPython, where a thread may be switched out between any two bytecodes', () => {
  // Written by a red team in the style students use: no lock, poll with time.sleep, then act.
  const pipeline = fs.readFileSync(solution('pipeline', 'run_time_error/lock_free_poll.py'), 'utf8');
  test.each(SEEDS)('a Pipeline that checks len(self.buf), then appends or pops, without a lock, fails (seed %i)', async (seed) => {
    const r = await judgeSource('pipeline', 'Pipeline.py', pipeline, { seed, stopAtFirstFailure: true });
    expect(['WA', 'RTE']).toContain(r.verdict);
    const f = firstFailure(r)!;
    // The race is in the trace: self.buf read by two threads between the check and the act.
    expect(f.trace.some((t) => /^self\.buf → /.test(t.text))).toBe(true);
  });

  const h2o = fs.readFileSync(solution('h2o', 'deadlock/unlocked_count.py'), 'utf8');
  test.each(SEEDS)('an H2O whose unlocked self.count += 1 loses an update deadlocks (seed %i)', async (seed) => {
    const r = await judgeSource('h2o', 'H2O.py', h2o, { seed, stopAtFirstFailure: true });
    expect(r.verdict).toBe('DL');
  });

  test('the same H2O with the count under a lock is accepted, and data under a lock adds no step', async () => {
    const locked = h2o
      .replace('        self.count = 0\n', '        self.count = 0\n        self.mutex = threading.Lock()\n')
      .replace('    def _done(self):\n        self.count += 1', '    def _done(self):\n      with self.mutex:\n        self.count += 1');
    expect(locked).toContain('with self.mutex:');
    const r = await judgeSource('h2o', 'H2O.py', locked, { seed: 1 });
    expect([r.verdict, r.error]).toEqual(['AC', undefined]);
    // Reading the count again under the lock switches nothing.
    const reread = locked.replace('        if self.count == 3:', '        self.count\n        if self.count == 3:');
    expect(reread).not.toBe(locked);
    const again = await judgeSource('h2o', 'H2O.py', reread, { seed: 1 });
    expect(again.cases.map((c) => c.explored.steps)).toEqual(r.cases.map((c) => c.explored.steps));
  });

  test('a value no thread writes (self.n, set in the constructor) is read without a switch point, lock or no lock', async () => {
    const source = `import threading


class Foo:
    def __init__(self):
        self.n = 3
        self.one = threading.Event()
        self.two = threading.Event()

    def first(self, printFirst):
        printFirst()
        self.one.set()

    def second(self, printSecond):
        self.one.wait()
        printSecond()
        self.two.set()

    def third(self, printThird):
        self.two.wait()
        printThird()
`;
    const r = await judgeSource('print-in-order', 'Foo.py', source, { seed: 1 });
    expect(r.verdict).toBe('AC');
    const reads = source.replace('        printFirst()\n', '        self.n + self.n\n        printFirst()\n');
    expect(reads).not.toBe(source);
    const again = await judgeSource('print-in-order', 'Foo.py', reads, { seed: 1 });
    expect(again.cases.map((c) => c.explored.steps)).toEqual(r.cases.map((c) => c.explored.steps));
  });
});

test('a property is shown by the attribute it reads and writes, once, and the legend speaks of threading operations', async () => {
  const source = `import time


class FakeDatabase:
    def __init__(self):
        self._value = 0

    @property
    def value(self):
        return self._value

    @value.setter
    def value(self, v):
        self._value = v

    def update(self, name):
        time.sleep(0.1)
        self.value = self.value + 1
`;
  const r = await judgeSource('race-counter', 'property.py', source, { seed: 1, stopAtFirstFailure: true });
  expect(r.verdict).toBe('WA');
  const texts = firstFailure(r)!.trace.map((t) => t.text);
  expect(texts.filter((t) => /^self\._value = \d+$/.test(t)).length).toBeGreaterThan(0);
  expect(texts.filter((t) => /^self\.value /.test(t))).toEqual([]);
  expect(formatRunResult(r, { color: false, width: 120 })).toContain('a step runs one thread from one switch point (a threading operation) to the next');
});
