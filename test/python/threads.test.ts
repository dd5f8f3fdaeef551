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
