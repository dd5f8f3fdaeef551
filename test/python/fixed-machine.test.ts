/**
 * What a Python solution could read of the machine or of its memory is the same in every run
 * (runtime/interleave_fixed.py): the datetime clock is the judge's virtual one, random bytes come
 * from the run's seed, id() and printed addresses do not depend on the allocator, sys.argv holds
 * only the file's name. Judged twice, a file that prints them all prints the same.
 */
import { firstFailure, judgeSource, orderedFoo } from './helpers';

const PRINTS = orderedFoo(`        import datetime, os, random, sys

        class Box:
            pass
        print(datetime.datetime.now(), datetime.date.today(), isinstance(datetime.datetime.now(), datetime.date))
        print(os.urandom(4).hex(), random.SystemRandom().randint(0, 10 ** 9))
        a, b = Box(), Box()
        print(id(a) != id(b), id(a) == id(a), id(a) % 16)
        print(Box())
        print(sys.argv)
        raise ValueError('to see the trace')`);

async function printed(): Promise<string[]> {
  const r = await judgeSource('print-in-order', 'Foo.py', PRINTS, { stopAtFirstFailure: true, seed: 4 });
  return firstFailure(r)!.trace.filter((t) => t.kind === 'note').map((t) => t.text);
}

test('a file that prints the clock, random bytes, ids and addresses prints the same when judged again', async () => {
  const first = await printed();
  expect(first).toEqual([
    expect.stringMatching(/^print: 2024-01-01 00:00:00(\.\d+)? 2024-01-01 True$/),
    expect.stringMatching(/^print: [0-9a-f]{8} \d+$/),
    'print: True True 0',
    'print: <Foo.Foo.first.<locals>.Box object at 0x7f0000001000>',
    "print: ['Foo.py']",
  ]);
  expect(await printed()).toEqual(first);
}, 120_000);
