/**
 * Threads a solution starts itself (threading.Thread, concurrent.futures.ThreadPoolExecutor) run
 * under the judge like the problem's own threads, and a pool task's exception is never hidden.
 */
import { firstFailure, judgeSource, orderedFoo } from './helpers';

const foo = (first: string): string => orderedFoo(first, 'import threading\nfrom concurrent.futures import ThreadPoolExecutor');

test('a helper Thread and a pool, started in a method, are judged threads: AC, with the pool’s results', async () => {
  const first = [
    "        t = threading.Thread(target=lambda: threading.Event().wait(0.01), name='helper')",
    '        t.start()',
    '        t.join()',
    "        assert not t.is_alive() and t.name == 'helper'",
    '        with ThreadPoolExecutor(max_workers=2) as pool:',
    '            assert list(pool.map(lambda x: x * 2, [1, 2, 3])) == [2, 4, 6]',
  ].join('\n');
  const r = await judgeSource('print-in-order', 'Foo.py', foo(first));
  expect([r.verdict, firstFailure(r)?.message]).toEqual(['AC', undefined]);
}, 120_000);

test('an exception in a pool task nobody asked the result of is raised when the pool shuts down: RTE at its line', async () => {
  const first = ['        def task():', "            raise ValueError('lost in the pool')", '        with ThreadPoolExecutor(max_workers=1) as pool:', '            pool.submit(task)'].join('\n');
  const r = await judgeSource('print-in-order', 'Foo.py', foo(first), { stopAtFirstFailure: true });
  expect(r.verdict).toBe('RTE');
  expect(firstFailure(r)!.message).toContain('ValueError: lost in the pool');
}, 120_000);

// A Timer's thread waited on an Event of its own, shown as `waits in Event.wait()` with no line:
// an Event the student never wrote. Its wait is still a switch point; only the rows are gone.
test('a threading.Timer shows its callback, at its lines, and none of its own machinery', async () => {
  const source = `import threading

class Foo:
    def __init__(self):
        self.e1 = threading.Event()
        self.e2 = threading.Event()

    def first(self, printFirst):
        def later():
            printFirst()
            self.e1.set()
        threading.Timer(0.01, later).start()

    def second(self, printSecond):
        self.e1.wait()
        printSecond()
        self.e2.set()

    def third(self, printThird):
        self.e2.wait()
        printThird()
`;
  const r = await judgeSource('print-in-order', 'Foo.py', source, { seed: 1 });
  expect(r.verdict).toBe('WA');
  const f = firstFailure(r)!;
  expect(f.message).toBe('printFirst() at Foo.py:10 belongs to thread first but was called from thread Thread-1');
  const timer = f.threads.indexOf('Thread-1');
  const rows = f.trace.filter((t) => t.thread === timer && t.kind !== 'start');
  expect(rows.map((t) => `${t.text} @${t.site?.line ?? '-'}`)).toEqual(['printFirst() → "first" (a callback of thread first) @10', 'self.e1.set() @11']);
  // The timer's thread is shown started when it first runs, after the start() that started it
  // (its row came first, as a switch to a thread that did not run).
  const started = f.trace.findIndex((t) => t.thread === timer && t.kind === 'start');
  const start = f.trace.findIndex((t) => /start\(\) Thread-1$/.test(t.text));
  expect(start).toBeGreaterThanOrEqual(0);
  expect(started).toBeGreaterThan(start);
  expect(f.trace[started].step).toBeGreaterThan(f.trace[start].step);
});

// (Cancelled before start(): cancelled after it, the interval may pass first, as time passes
// while threads run.)
test('a Timer cancelled before it can fire never calls its function, and one left to fire does', async () => {
  const timer = (cancel: boolean) =>
    orderedFoo(`        def boom():
            raise RuntimeError('the timer fired')
        t = threading.Timer(0.5, boom)
${cancel ? '        t.cancel()\n' : ''}        t.start()
        t.join()`);
  for (const seed of [1, 2, 3]) {
    expect((await judgeSource('print-in-order', 'Foo.py', timer(true), { seed })).verdict).toBe('AC');
    const fired = await judgeSource('print-in-order', 'Foo.py', timer(false), { seed, stopAtFirstFailure: true });
    expect({ verdict: fired.verdict, message: firstFailure(fired)!.message }).toEqual({ verdict: 'RTE', message: expect.stringContaining('the timer fired') });
  }
});

test('a daemon thread that ticks for ever does not keep the run alive, as a Python program exits with it running (it was TLE)', async () => {
  const first = [
    '        def tick():',
    '            while True:',
    '                threading.Event().wait(0.01)',
    '        threading.Thread(target=tick, daemon=True).start()',
  ].join('\n');
  for (const seed of [1, 2]) {
    const r = await judgeSource('print-in-order', 'Foo.py', foo(first), { seed, schedules: 20 });
    expect([r.verdict, firstFailure(r)?.message]).toEqual(['AC', undefined]);
  }
}, 60_000);
