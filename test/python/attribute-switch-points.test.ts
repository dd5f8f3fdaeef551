/**
 * A problem's attributeSwitchPoints (race-counter's): each read and write of the instance's own
 * data attributes is a switch point after it, so the race inside a bare `self.value += 1` (CPython
 * may switch between its read and its write) is explored and shown; elsewhere nothing changes.
 */
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

test('a problem without attributeSwitchPoints shows no attribute rows and explores no more', async () => {
  const source = `import threading


class Foo:
    def __init__(self):
        self.count = 0

    def first(self, printFirst):
        self.count += 1
        printFirst()

    def second(self, printSecond):
        self.count += 1
        printSecond()

    def third(self, printThird):
        self.count += 1
        printThird()
`;
  const r = await judgeSource('print-in-order', 'Foo.py', source, { seed: 1, stopAtFirstFailure: true });
  expect(r.verdict).toBe('WA');
  expect(firstFailure(r)!.trace.filter((t) => /self\.count/.test(t.text))).toEqual([]);
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
