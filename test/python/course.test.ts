/**
 * The course's Python classes, pasted in with only the signature changes a problem needs, get
 * the verdicts they deserve under several seeds, with the learner's .py line in every trace row.
 */
import * as fs from 'node:fs';
import { firstFailure, judgePy, judgeSource, solution } from './helpers';

const SEEDS = [1, 2, 3];

describe.each(SEEDS)('seed %d', (seed) => {
  test('Foo (one Condition, flags, while loops) is accepted', async () => {
    const r = await judgePy('print-in-order', solution('print-in-order', 'accepted/course_condition.py'), { seed });
    expect(r.verdict).toBe('AC');
    expect(r.score).toBe(r.maxScore);
  });

  test('FooBar with two Events deadlocks, and a trace shows a set() erased by the other thread\'s clear()', async () => {
    const r = await judgePy('foobar', solution('foobar', 'deadlock/course_two_events.py'), { seed });
    expect(r.verdict).toBe('DL');
    const traces = r.cases.flatMap((c) => (c.failure ? [c.failure] : []));
    expect(traces.length).toBeGreaterThan(0);
    // In some failing case, one thread's set() of an event is followed by the other's clear() of it,
    // with no wait() of it in between: the set was erased.
    const erased = traces.some((f) => {
      const rows = f.trace.filter((t) => /\.(set|clear|wait)\(\)/.test(t.text));
      return rows.some((s, i) => {
        if (!/\.set\(\)/.test(s.text)) return false;
        const ev = /event\[(\d)\]/.exec(s.text)?.[1];
        for (const later of rows.slice(i + 1)) {
          if (/event\[(\d)\]/.exec(later.text)?.[1] !== ev) continue;
          if (/\.wait\(\)/.test(later.text)) return false;
          if (/\.clear\(\)/.test(later.text)) return later.thread !== s.thread;
        }
        return false;
      });
    });
    expect(erased).toBe(true);
    const f = firstFailure(r)!;
    for (const row of f.trace.filter((t) => t.kind === 'op' || t.kind === 'emit')) expect(row.site?.file).toBe('course_two_events.py');
    expect(f.blocked?.[0].site?.line).toBeGreaterThan(0);
  });

  test('FooBar: bar\'s set() erased by foo\'s clear() is among the failures found', async () => {
    const r = await judgePy('foobar', solution('foobar', 'deadlock/course_two_events.py'), { seed });
    const texts = r.cases.flatMap((c) => c.failure?.trace ?? []).map((t) => t.text);
    expect(texts.some((t) => /event\[1\]\.set\(\)/.test(t))).toBe(true);
  });

  test('FakeDatabase with its lock is accepted (name is the thread number: sleep(name))', async () => {
    const r = await judgePy('race-counter', solution('race-counter', 'accepted/course_with_lock.py'), { seed });
    expect(r.verdict).toBe('AC');
  });

  test('FakeDatabase without its lock loses an update: WA', async () => {
    const r = await judgePy('race-counter', solution('race-counter', 'wrong_answer/course_without_lock.py'), { seed });
    expect(r.verdict).toBe('WA');
    expect(firstFailure(r)!.message).toMatch(/lost/);
  });

  test('the two-lock Pipeline is accepted', async () => {
    const r = await judgePy('pipeline', solution('pipeline', 'accepted/course_two_locks.py'), { seed });
    expect(r.verdict).toBe('AC');
  });
});

test.each(SEEDS)('the Event-stopped queue pipeline is rejected on pipeline-shutdown under seed %d (DL or WA); told by a sentinel, it is accepted (nextMessage() gives each message back)', async (seed) => {
  const course = await judgePy('pipeline-shutdown', solution('pipeline-shutdown', 'rejected/course_loop.py'), { seed, stopAtFirstFailure: true });
  expect(['DL', 'WA']).toContain(course.verdict);
  const f = firstFailure(course)!;
  expect(f.trace.some((t) => t.site?.file === 'course_loop.py')).toBe(true);
  // The harness's stopper runs no learner code: its rows name no line of the learner's file.
  const stopper = f.threads.indexOf('stopper');
  const stopperRows = f.trace.filter((t) => t.thread === stopper);
  expect(stopperRows.length).toBeGreaterThan(0);
  for (const row of stopperRows) expect(row.site).toBeUndefined();
  const sentinel = await judgePy('pipeline-shutdown', solution('pipeline-shutdown', 'accepted/sentinel.py'), { seed });
  expect(sentinel.verdict).toBe('AC');
}, 120_000);

test.each(SEEDS)('ZeroEvenOdd (wait_for, notify_all) is accepted under seed %d', async (seed) => {
  const r = await judgePy('zero-even-odd', solution('zero-even-odd', 'accepted/course_wait_for.py'), { seed });
  expect(r.verdict).toBe('AC');
}, 120_000);

describe('known-bad Python solutions get their verdicts', () => {
  test.each([
    ['print-in-order', 'wrong_answer/if_around_wait.py', 'WA'],
    ['print-in-order', 'run_time_error/notify_without_lock.py', 'RTE'],
    ['print-in-order', 'deadlock/lock_order_with.py', 'DL'],
    ['zero-even-odd', 'deadlock/notify_one.py', 'DL'],
    ['pipeline', 'wrong_answer/if_around_wait.py', 'WA'],
    ['pipeline-shutdown', 'wrong_answer/get_timeout_poll.py', 'WA'],
    ['pipeline', 'deadlock/single_condition_notify.py', 'DL'],
    ['race-counter', 'run_time_error/double_release.py', 'RTE'],
  ])('%s %s: %s under seeds 1, 2, 3', async (problem, rel, verdict) => {
    for (const seed of SEEDS) {
      const r = await judgePy(problem, solution(problem, rel), { seed, stopAtFirstFailure: true });
      expect([seed, r.verdict]).toEqual([seed, verdict]);
    }
  });

  test('a lost wake-up with its wait() not in a loop is rejected under seeds 1, 2, 3 and 10 (DL, or WA after a spurious wake-up)', async () => {
    for (const seed of [...SEEDS, 10]) {
      const r = await judgePy('print-in-order', solution('print-in-order', 'rejected/lost_wakeup.py'), { seed, stopAtFirstFailure: true });
      expect([seed, ['DL', 'WA'].includes(r.verdict)]).toEqual([seed, true]);
    }
  });

  test('a `with` block reads as the learner wrote it: entered and ended at its line, never as the RLock a Condition holds', async () => {
    const r = await judgePy('print-in-order', solution('print-in-order', 'wrong_answer/if_around_wait.py'), { seed: 1, stopAtFirstFailure: true });
    const rows = firstFailure(r)!.trace.filter((t) => t.site?.line === 27);
    expect(rows.map((t) => t.text)).toEqual(['with self._condition → acquired', 'end of with self._condition → released']);
    expect(firstFailure(r)!.trace.some((t) => /RLock/.test(t.text))).toBe(false);
  });

  test('a Python row is in Python\'s words, and a long print is cut with …', async () => {
    const chatty = fs
      .readFileSync(solution('print-in-order', 'accepted/course_condition.py'), 'utf8')
      .replace('            printFrist()\n', '            print("chatty " * 60)\n            printFrist()\n')
      .replace('            printThird()\n', '            printThird()\n            printThird()\n');
    const r = await judgeSource('print-in-order', 'chatty.py', chatty, { seed: 1, stopAtFirstFailure: true });
    const texts = firstFailure(r)!.trace.map((t) => t.text);
    expect(texts).toContain('self._condition.notify_all() → woke nobody');
    expect(texts.some((t) => /notifyAll/.test(t))).toBe(false);
    expect(texts).toContain(`print: ${'chatty '.repeat(60).slice(0, 199)}…`);
  });

  test('time.sleep reads in seconds, wait_for as the learner wrote it, queue.Empty as Python names it', async () => {
    const sleeps = firstFailure(await judgePy('race-counter', solution('race-counter', 'wrong_answer/course_without_lock.py'), { seed: 1, stopAtFirstFailure: true }))!;
    expect(sleeps.trace.map((t) => t.text)).toEqual(expect.arrayContaining(['waits in time.sleep(1)', 'waits in time.sleep(2)']));
    const notifyOne = fs.readFileSync(solution('zero-even-odd', 'accepted/course_wait_for.py'), 'utf8').replace(/notify_all\(\)/g, 'notify()');
    const dl = firstFailure(await judgeSource('zero-even-odd', 'notify_one.py', notifyOne, { seed: 1, stopAtFirstFailure: true }))!;
    expect(dl.verdict).toBe('DL');
    expect(dl.blocked!.map((b) => b.waitsIn)).toContain('self._condition.wait_for(…)');
    expect(dl.trace.some((t) => /Condition\.wait\(/.test(t.text))).toBe(false);
    const polled = firstFailure(await judgePy('pipeline-shutdown', solution('pipeline-shutdown', 'wrong_answer/get_timeout_poll.py'), { seed: 1, stopAtFirstFailure: true }))!;
    const texts = polled.trace.map((t) => t.text);
    expect(texts).toContain('self.q.get() → raised queue.Empty');
    // A get that did not wait shows its item too: the row where a FIFO order breaks.
    expect(texts).toContain('self.q.get() → "producer#1"');
    // The harness's wait and its set, each told once in words of its own.
    expect(texts.filter((t) => t === 'event.set() (the harness)')).toHaveLength(1);
    expect(texts.some((t) => /^Event\.set\(\)|waits in the harness/.test(t))).toBe(false);
  });

  test("a failure names the problem's methods as the Python class does (set_message, not setMessage), and None for no value", async () => {
    const f = firstFailure(await judgePy('pipeline', solution('pipeline', 'wrong_answer/if_around_wait.py'), { seed: 1, stopAtFirstFailure: true }))!;
    const texts = [f.message, ...f.trace.map((t) => t.text)];
    expect(texts.some((t) => /\bset_message\(\) returned/.test(t))).toBe(true);
    expect(texts.filter((t) => /\b(set|get)Message\(/.test(t))).toEqual([]);
    const none = `import threading

class Pipeline:
    def __init__(self, capacity):
        self.capacity = capacity

    def set_message(self, message):
        threading.Event().wait()

    def get_message(self):
        return None
`;
    const g = firstFailure(await judgeSource('pipeline', 'pipeline.py', none, { seed: 1, stopAtFirstFailure: true }))!;
    expect(g.message).toMatch(/get_message\(\) returned None/);
  });

  test('threads blocked entering `with` blocks name the lock each waits for', async () => {
    const r = await judgePy('print-in-order', solution('print-in-order', 'deadlock/lock_order_with.py'), { seed: 1, stopAtFirstFailure: true });
    const f = firstFailure(r)!;
    expect(f.blocked!.map((b) => [b.thread, b.waitsIn, b.site?.line])).toEqual(
      expect.arrayContaining([
        ['first', 'with self.b', 16],
        ['second', 'with self.a', 22],
      ]),
    );
    expect(f.trace.filter((t) => t.kind === 'block').map((t) => t.text)).toEqual(expect.arrayContaining(['waits to enter with self.a', 'waits to enter with self.b']));
  });

  test('two calls of one method on a line are told apart, and so are the items of `with a, b:`', async () => {
    const sameLine = `import threading

class Foo:
    def __init__(self):
        self.go2 = threading.Event(); self.go3 = threading.Event()

    def first(self, printFirst):
        printFirst()
        self.go3.set(); self.go2.set()

    def second(self, printSecond):
        self.go2.wait()
        printSecond()

    def third(self, printThird):
        self.go3.wait()
        printThird()
`;
    // Whichever seed's failing run shows both calls of line 9 (a run may fail before the second).
    let both: string[] = [];
    for (let seed = 1; seed <= 10 && both.length < 2; seed++) {
      const sets = firstFailure(await judgeSource('print-in-order', 'Foo.py', sameLine, { seed, stopAtFirstFailure: true }))!;
      both = sets.trace.filter((t) => t.site?.line === 9).map((t) => t.text);
      expect(both).toEqual(['self.go3.set()', 'self.go2.set()'].slice(0, both.length));
    }
    expect(both).toEqual(['self.go3.set()', 'self.go2.set()']);
    const twoLocks = `import threading

class Foo:
    def __init__(self):
        self.a = threading.Lock()
        self.b = threading.Lock()
        self.done1 = threading.Event()
        self.done2 = threading.Event()

    def first(self, printFirst):
        with self.a, self.b:
            printFirst()
        self.done1.set()

    def second(self, printSecond):
        with self.b, self.a:
            self.done1.wait()
            printSecond()
        self.done2.set()

    def third(self, printThird):
        self.done2.wait()
        printThird()
`;
    for (const seed of SEEDS) {
      const r = await judgeSource('print-in-order', 'Foo.py', twoLocks, { seed, stopAtFirstFailure: true });
      expect(r.verdict).toBe('DL');
      const f = firstFailure(r)!;
      // Whoever waits at a `with` line waits for a lock another thread entered: both rows name it alike.
      const atWith = f.blocked!.filter((x) => x.site?.line === 11 || x.site?.line === 16);
      expect(atWith.length).toBeGreaterThan(0);
      for (const b of atWith) {
        const holder = f.trace.find((t) => t.object === b.object && t.text.endsWith('→ acquired'));
        expect(b.waitsIn).toBe(`with ${holder!.name}`);
        expect(['self.a', 'self.b']).toContain(holder!.name);
      }
      expect(f.trace.some((t) => /Lock\.acquire/.test(t.text))).toBe(false);
    }
  });

  test('the same file and seed give the same verdict and trace', async () => {
    const a = await judgePy('foobar', solution('foobar', 'deadlock/course_two_events.py'), { seed: 7, stopAtFirstFailure: true });
    const b = await judgePy('foobar', solution('foobar', 'deadlock/course_two_events.py'), { seed: 7, stopAtFirstFailure: true });
    expect(firstFailure(b)!.trace).toEqual(firstFailure(a)!.trace);
    expect(b.replay).toBe(a.replay);
  });

  test('a replay token reproduces the run', async () => {
    const a = await judgePy('print-in-order', solution('print-in-order', 'wrong_answer/if_around_wait.py'), { seed: 2, stopAtFirstFailure: true });
    const b = await judgePy('print-in-order', solution('print-in-order', 'wrong_answer/if_around_wait.py'), { replay: a.replay });
    expect(b.verdict).toBe('WA');
    expect(firstFailure(b)!.trace.map((t) => t.text)).toEqual(firstFailure(a)!.trace.map((t) => t.text));
  });
});
