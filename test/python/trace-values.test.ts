/**
 * Values in a Python trace read as Python: what a queue gives back is shown by its repr, None is
 * None, and a repr never carries a memory address (the same run shows the same trace).
 */
import { firstFailure, judgeSource } from './helpers';

const PIPELINE = `import queue


class Pipeline:
    def __init__(self, capacity):
        self.q = queue.Queue(maxsize=capacity)

    def set_message(self, message):
        def cb():
            return message
        self.q.put((message, 'tag'))
        self.q.put(cb)
        self.q.put(None)

    def get_message(self):
        pair = self.q.get()
        self.q.get()
        self.q.get()
        return pair[0] + 1
`;

test('a tuple, a function and None taken from a queue show as Python shows them, not as the judge handles them', async () => {
  const runs = await Promise.all([1, 2].map(() => judgeSource('pipeline', 'Pipeline.py', PIPELINE, { stopAtFirstFailure: true })));
  const f = firstFailure(runs[0])!;
  expect(f.verdict).toBe('RTE');
  const gets = f.trace.map((t) => t.text).filter((t) => t.startsWith('self.q.get() →'));
  expect(gets).toEqual(expect.arrayContaining([
    expect.stringMatching(/^self\.q\.get\(\) → \('producer#\d+', 'tag'\)$/),
    'self.q.get() → <function Pipeline.set_message.<locals>.cb>',
    'self.q.get() → None',
  ]));
  expect(f.trace.some((t) => /"h":|0x[0-9a-f]/.test(t.text))).toBe(false);
  // Two runs, two processes: the same trace.
  expect(firstFailure(runs[1])!.trace.map((t) => t.text)).toEqual(f.trace.map((t) => t.text));
}, 120_000);

test('a Python thread that spins is placed at the sleep it wrote (time.sleep(0.001), not the judge’s sleep(1) in milliseconds)', async () => {
  // A typo keeps foo polling for ever: bar sets self.foo_ready, foo waits for self.fooReady.
  const source = `import threading, time


class FooBar:
    def __init__(self, n):
        self.n = n
        self.fooReady = True
        self.bar_ev = threading.Event()

    def foo(self, printFoo):
        for i in range(self.n):
            while not self.fooReady:
                time.sleep(0.001)
            self.fooReady = False
            printFoo()
            self.bar_ev.set()

    def bar(self, printBar):
        for i in range(self.n):
            self.bar_ev.wait()
            self.bar_ev.clear()
            printBar()
            self.foo_ready = True
`;
  const r = await judgeSource('foobar', 'FooBar.py', source, { seed: 1, stopAtFirstFailure: true });
  expect(r.verdict).toBe('TLE');
  const message = firstFailure(r)!.message;
  expect(message).toContain('foo at time.sleep(0.001), FooBar.py:13');
  expect(message).not.toMatch(/\bsleep\(1\)/);
});
