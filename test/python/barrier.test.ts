/**
 * threading.Barrier as CPython has it: `action` run by exactly one thread of each round before any
 * thread goes on, a raising action breaks the barrier (that thread gets the exception, the others
 * BrokenBarrierError), a timeout breaks it, and abort(), reset(), broken, n_waiting and parties.
 */
import { firstFailure, judgeSource } from './helpers';

/** H2O: two hydrogens and an oxygen meet at a Barrier(3) whose action counts the molecules. */
const h2o = (action: string, after = ''): string => `import threading


class H2O:
    def __init__(self):
        self.h = threading.Semaphore(2)
        self.o = threading.Semaphore(1)
        self.molecules = 0
        self.passed = 0
        self.count_lock = threading.Lock()
        self.barrier = threading.Barrier(3, action=self.bond)

    def bond(self):
${action}

    def meet(self):
        self.barrier.wait()
        # The action ran before any thread of this round went on, and once a round. (The count is
        # shared by the round's threads: under a lock, as CPython may switch inside a += .)
        with self.count_lock:
            self.passed += 1
            if self.molecules != (self.passed + 2) // 3:
                raise AssertionError('passed %d with %d molecules' % (self.passed, self.molecules))
${after}

    def hydrogen(self, releaseHydrogen):
        with self.h:
            self.meet()
            releaseHydrogen()

    def oxygen(self, releaseOxygen):
        with self.o:
            self.meet()
            releaseOxygen()
`;

describe('Barrier(parties, action)', () => {
  test('the action runs once a round, in one thread, before any thread of the round goes on: AC under every schedule', async () => {
    const r = await judgeSource('h2o', 'H2O.py', h2o('        self.molecules += 1'), { stopAtFirstFailure: true });
    expect([r.verdict, firstFailure(r)?.message]).toEqual(['AC', undefined]);
  }, 120_000);

  test('an action that raises: its thread gets the exception, at the action’s line', async () => {
    const action = "        self.molecules += 1\n        if self.molecules == 1:\n            raise ValueError('no bond')";
    const r = await judgeSource('h2o', 'H2O.py', h2o(action), { stopAtFirstFailure: true });
    expect(r.verdict).toBe('RTE');
    const f = firstFailure(r)!;
    expect(f.message).toContain('ValueError: no bond');
    expect(f.site).toEqual(expect.objectContaining({ file: 'H2O.py', line: 16 }));
    expect(f.stack).toContain('File "H2O.py", line 16, in bond');
  }, 120_000);

  test('the other threads of a broken round get BrokenBarrierError, and later waits too', async () => {
    const action = "        self.molecules += 1\n        raise ValueError('no bond')";
    // Every thread records what its wait raised; the check runs in the thread that sees all three.
    const source = h2o(action)
      .replace(
        '        self.barrier.wait()\n',
        [
          '        try:',
          '            self.barrier.wait()',
          '        except threading.BrokenBarrierError:',
          "            self.seen.append('broken')",
          '        except ValueError:',
          "            self.seen.append('action')",
          '        try:',
          '            self.barrier.wait()',
          '        except threading.BrokenBarrierError:',
          "            self.seen.append('still broken')",
          '        if len(self.seen) == 6:',
          "            assert sorted(self.seen) == ['action', 'broken', 'broken', 'still broken', 'still broken', 'still broken'], self.seen",
          "            assert self.barrier.broken and self.barrier.n_waiting == 0, 'broken afterwards'",
          "            raise RuntimeError('checked')",
          '        return',
          '',
        ].join('\n'),
      )
      .replace('        self.molecules = 0\n', '        self.molecules = 0\n        self.seen = []\n');
    const r = await judgeSource('h2o', 'H2O.py', source, { stopAtFirstFailure: true });
    expect(r.verdict).toBe('RTE');
    expect(firstFailure(r)!.message).toContain('RuntimeError: checked');
  }, 120_000);
});

describe('Barrier timeout, abort(), reset(), broken, n_waiting, parties', () => {
  const foo = (init: string, first = ''): string => `import threading


class Foo:
    def __init__(self):
        self.one = threading.Event()
        self.two = threading.Event()
${init}

    def first(self, printFirst):
${first}
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

  test('abort() breaks it, reset() mends it; parties, broken and n_waiting say so', async () => {
    const init = [
      '        b = threading.Barrier(2, timeout=5)',
      '        assert (b.parties, b.broken, b.n_waiting) == (2, False, 0), (b.parties, b.broken, b.n_waiting)',
      '        b.abort()',
      "        assert b.broken, 'aborted'",
      '        try:',
      '            b.wait()',
      "            raise AssertionError('a broken barrier let a thread through')",
      '        except threading.BrokenBarrierError:',
      '            pass',
      '        b.reset()',
      "        assert not b.broken, 'reset'",
      '        assert issubclass(threading.BrokenBarrierError, RuntimeError)',
    ].join('\n');
    const r = await judgeSource('print-in-order', 'Foo.py', foo(init), { schedules: 20 });
    expect([r.verdict, r.error?.message ?? firstFailure(r)?.message]).toEqual(['AC', undefined]);
  }, 120_000);

  test('a wait past its timeout breaks the barrier (virtual time: no real waiting)', async () => {
    const first = [
      '        b = threading.Barrier(2)',
      '        try:',
      '            b.wait(timeout=30)',
      '        except threading.BrokenBarrierError:',
      "            raise RuntimeError('timed out, broken=%s' % b.broken)",
    ].join('\n');
    const r = await judgeSource('print-in-order', 'Foo.py', foo('', first), { stopAtFirstFailure: true });
    expect(r.verdict).toBe('RTE');
    expect(firstFailure(r)!.message).toContain('RuntimeError: timed out, broken=True');
  }, 120_000);

  test('Barrier(0) and a non-callable action fail as in CPython', async () => {
    for (const [init, message] of [
      ['        threading.Barrier(0)', 'ValueError: parties must be > 0'],
      ["        threading.Barrier(2, action='x')", "TypeError: 'action' must be callable"],
    ]) {
      const r = await judgeSource('print-in-order', 'Foo.py', foo(init), { stopAtFirstFailure: true });
      expect(r.verdict).toBe('RTE');
      expect(firstFailure(r)?.message ?? r.error?.message).toContain(message);
    }
  }, 120_000);
});
