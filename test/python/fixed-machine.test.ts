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

test('a set of objects that hash by identity iterates in the same order in every run, and thread idents are the same', async () => {
  const source = orderedFoo(`        class Box:
            def __init__(self, n):
                self.n = n
        boxes = set(Box(i) for i in range(40))
        events = {threading.Event() for _ in range(40)}
        print([b.n for b in boxes][:12], len(events), threading.get_ident() == threading.current_thread().ident)
        print(threading.get_ident())
        raise ValueError('to see the trace')`);
  const notes = async (): Promise<string[]> =>
    firstFailure(await judgeSource('print-in-order', 'Foo.py', source, { stopAtFirstFailure: true, seed: 2 }))!
      .trace.filter((t) => t.kind === 'note')
      .map((t) => t.text);
  const first = await notes();
  expect(first[0]).toMatch(/^print: \[(\d+, ){11}\d+\] 40 True$/);
  expect(await notes()).toEqual(first);
}, 120_000);

test('an address in an exception message is a placeholder; ProcessPoolExecutor says it is not provided; Timer runs its function', async () => {
  const r = await judgeSource('print-in-order', 'Foo.py', orderedFoo(`        fired = []
        t = threading.Timer(0.5, fired.append, args=[1])
        t.start()
        t.join()
        print(fired)
        from concurrent.futures import ProcessPoolExecutor
        try:
            ProcessPoolExecutor()
        except NotImplementedError as e:
            print(e)
        raise ValueError(object())`), { stopAtFirstFailure: true });
  const f = firstFailure(r)!;
  expect(f.trace.filter((t) => t.kind === 'note' && !t.text.startsWith('time passes')).map((t) => t.text)).toEqual([
    'print: [1]',
    'print: interleave: concurrent.futures.ProcessPoolExecutor is not provided by the judge: a solution runs in threads; use ThreadPoolExecutor',
  ]);
  expect(f.message).toMatch(/^first\(\) threw ValueError: <object object at 0x7f0000001000> in thread first/);
}, 120_000);
