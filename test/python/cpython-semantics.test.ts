/**
 * The judge's threading, queue and concurrent.futures behave as CPython 3.11's where a solution can
 * tell: what a queue gives back, which futures wait() returns, timeouts as one deadline, callbacks
 * that raise, map's cancelling, default names and pool sizes, Barrier.reset(), task_done() as a
 * switch point. Each file is a race-counter `FakeDatabase` whose `update` counts only when what it
 * saw is what CPython gives (AC), or a bug CPython's threads can show (WA); each was checked under
 * CPython with real threads.
 */
import { judgeSource } from './helpers';
import type { ProblemResult } from '../../harness/model/result';

/** A FakeDatabase whose `update(name)` runs `body` (indented Python) and counts when `ok` holds. */
function counting(body: string, imports = ''): string {
  return `import threading, queue, time, os
from concurrent.futures import ThreadPoolExecutor, wait, as_completed, FIRST_COMPLETED
${imports}

class FakeDatabase:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()

    def update(self, name):
${body}
        with self.lock:
            self.value += 1 if ok else 0
`;
}

function judge(source: string, seed = 1): Promise<ProblemResult> {
  return judgeSource('race-counter', 'FakeDatabase.py', source, { seed, schedules: 12 });
}

describe.each([1, 2])('seed %d', (seed) => {
  test('a queue gives back the very values put: 1.0 stays a float, -0.0 keeps its sign, big ints and inf pass', async () => {
    const r = await judge(
      counting(`        q = queue.Queue()
        sent = [1.0, -0.0, 2**53 + 1, 10**400, float('inf'), name]
        for x in sent:
            q.put(x)
        got = [q.get() for _ in sent]
        ok = [repr(x) for x in got] == [repr(x) for x in sent] and [type(x) for x in got] == [type(x) for x in sent]`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('concurrent.futures is a package: its submodules thread and _base import, with the same names', async () => {
    const r = await judge(
      counting(
        `        ok = (ThreadPoolExecutor is SubmoduleExecutor and Future is concurrent.futures.Future and base_wait is wait
              and concurrent.futures.thread.ThreadPoolExecutor is ThreadPoolExecutor)`,
        'import concurrent.futures\nfrom concurrent.futures.thread import ThreadPoolExecutor as SubmoduleExecutor\nfrom concurrent.futures._base import Future, wait as base_wait',
      ),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('get(False, 1.0) and put(x, False, -1) ignore the timeout, as CPython does when not blocking', async () => {
    const r = await judge(
      counting(`        q = queue.Queue(1)
        q.put(name, False, -1)
        got = q.get(False, 1.0)
        try:
            q.get(block=False, timeout=1.0)
            ok = False
        except queue.Empty:
            ok = got == name`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('wait(FIRST_COMPLETED) on the same future twice, and its result read as a named tuple', async () => {
    const r = await judge(
      counting(`        with ThreadPoolExecutor(max_workers=2) as pool:
            f = pool.submit(int, name)
            r = wait([f, f])
            ok = r.done == {f} and r.not_done == set() and f.result() == name`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('a done-callback that raises is reported on stderr, and neither the caller nor the worker fails', async () => {
    const r = await judge(
      counting(
        `        with ThreadPoolExecutor(max_workers=1) as pool:
            f = pool.submit(int, name)
            f.result()
            f.add_done_callback(bad)
            gate = threading.Event()
            g = pool.submit(gate.wait)
            g.add_done_callback(bad)
            gate.set()
            ok = pool.submit(int, name).result() == name`,
        `def bad(f):
    raise KeyError('callback failed')`,
      ),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test("wait(), as_completed() and map() keep one deadline, not a timeout per finished future", async () => {
    // One updater times three rounds, each with an executor of its own: a task that sleeps until
    // 0.6 s after the round began and two that wait until the round ends, under a 1 s deadline. A
    // timeout restarted after the first task finished ended 1.6 s after the call; one deadline ends
    // at 1 s. Measured in the schedule where time passes only when no thread can run (the first of
    // a DFS): elsewhere the judge may hold a thread up while time passes, as a machine may, and no
    // deadline holds then.
    const r = await judgeSource('race-counter', 'FakeDatabase.py', 
      counting(
        `        took = [rounds(way) for way in ('wait', 'as_completed', 'map')] if name == 1 else [0.0]
        ok = max(took) <= 1.0 + 1e-9`,
        `def rounds(way):
    gate = threading.Event()
    t0 = time.monotonic()
    until = t0 + 0.6

    def task(k):
        if k == 0:
            time.sleep(max(0.0, until - time.monotonic()))
        else:
            gate.wait()
        return k

    with ThreadPoolExecutor(max_workers=3) as pool:
        try:
            if way == 'map':
                list(pool.map(task, range(3), timeout=1.0))
            else:
                fs = [pool.submit(task, k) for k in range(3)]
                t0 = time.monotonic()
                if way == 'wait':
                    wait(fs, timeout=1.0)
                else:
                    for f in as_completed(fs, timeout=1.0):
                        pass
        except TimeoutError:
            pass
        took = time.monotonic() - t0
        gate.set()
    return took`,
      ),
      { seed, strategy: 'dfs', schedules: 1 },
    );
    expect(r.verdict).toBe('AC');
  });

  test("a result of map() that raises cancels the tasks not yet started", async () => {
    const r = await judge(
      counting(`        ran = []
        gate = threading.Event()

        def task(k):
            if k == 0:
                raise ValueError('first task fails')
            if k == 1:
                gate.wait()
            ran.append(k)
            return k

        with ThreadPoolExecutor(max_workers=1) as pool:
            try:
                list(pool.map(task, [0, 1, 2, 3]))
            except ValueError:
                pass
            gate.set()
        ok = 2 not in ran and 3 not in ran`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('a default ThreadPoolExecutor has min(32, os.cpu_count() + 4) workers, and os.cpu_count() is 4 on every machine', async () => {
    const r = await judge(
      counting(`        meet = threading.Barrier(8)
        with ThreadPoolExecutor() as pool:
            fs = [pool.submit(meet.wait) for _ in range(8)]
            ok = os.cpu_count() == 4 and sorted(f.result() for f in fs) == list(range(8))`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('Barrier.reset() while a thread waits gives that thread BrokenBarrierError', async () => {
    const r = await judge(
      `import threading, time

class FakeDatabase:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()
        self.barrier = threading.Barrier(2)
        self.outcome = {}

    def update(self, name):
        if name == 1:
            try:
                self.barrier.wait()
                ok = False
            except threading.BrokenBarrierError:
                ok = True
        else:
            while self.barrier.n_waiting == 0 and 1 not in self.outcome:
                time.sleep(0.01)
            self.barrier.reset()
            ok = True
        self.outcome[name] = ok
        with self.lock:
            self.value += 1 if ok else 0
`,
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('task_done() is a switch point: a join() woken by it may run before the worker goes on (WA, as CPython can)', async () => {
    const r = await judge(
      counting(`        q = queue.Queue()
        results = []

        def worker():
            item = q.get()
            q.task_done()
            results.append(item)

        t = threading.Thread(target=worker)
        t.start()
        q.put(name)
        q.join()
        ok = len(results) == 1
        t.join()`),
      seed,
    );
    expect(r.verdict).toBe('WA');
  });

  test("threads are named as CPython names them, 'Thread-1 (work)', numbered from 1 (executors from 0) in every run", async () => {
    // Each updater makes one thread and one executor: with up to 6 updaters, numbers stay below 7
    // in every run of the exploration (they counted on across runs).
    const r = await judge(
      counting(`        names = []

        def work():
            names.append(threading.current_thread().name)

        t = threading.Thread(target=work)
        t.start()
        t.join()
        with ThreadPoolExecutor(max_workers=1) as pool:
            pool.submit(work).result()
        u = threading.Thread(target=work, name='mine')
        u.setName('renamed')
        u.setDaemon(True)
        u.start()
        u.join()
        ok = (re.fullmatch(r'Thread-[1-6] \\(work\\)', names[0]) is not None
              and re.fullmatch(r'ThreadPoolExecutor-[0-5]_0', names[1]) is not None
              and names[2] == 'renamed' and u.isDaemon())`, 'import re'),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('LifoQueue and PriorityQueue are CPython\'s: last in first out, lowest first, blocking when full', async () => {
    const r = await judge(
      counting(`        lifo, prio = queue.LifoQueue(3), queue.PriorityQueue()
        for x in (2, 3, 1):
            lifo.put(x)
            prio.put((x, name))
        full = lifo.full()
        try:
            lifo.put(4, timeout=0.01)
            timed_out = False
        except queue.Full:
            timed_out = True
        ok = ([lifo.get() for _ in range(3)] == [1, 3, 2] and [prio.get()[0] for _ in range(3)] == [1, 2, 3]
              and full and timed_out and isinstance(lifo, queue.Queue))`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test("a Queue subclass's _init/_put/_get hooks are used, as CPython's Queue calls them", async () => {
    const r = await judge(
      counting(`        class Stack(queue.Queue):
            def _init(self, maxsize):
                self.queue = []

            def _get(self):
                return self.queue.pop()

        q = Stack(2)
        q.put('a')
        q.put(name)
        ok = q.get() == name and q.get() == 'a' and q.empty()`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test("a file that names a queue's internals gets CPython's: mutex, not_empty, queue, unfinished_tasks", async () => {
    const r = await judge(
      counting(`        q = queue.Queue()
        q.put(name)
        q.put(name)
        with q.mutex:
            seen = (len(q.queue), q.unfinished_tasks, q.queue[0])
        with q.not_empty:
            q.not_empty.notify()
        q.get()
        q.task_done()
        ok = seen == (2, 2, name) and q.unfinished_tasks == 1`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test("elsewhere a Queue's q.queue reads its items, as a copy that refuses changes with a clear error", async () => {
    const r = await judge(
      counting(`        q = queue.Queue()
        box = [name]
        q.put(box)
        q.put(2.5)
        items = q.queue
        try:
            items.append(3)
            refused = ''
        except AttributeError as e:
            refused = str(e)
        ok = list(items) == [box, 2.5] and items[0] is box and 'read-only copy' in refused and q.get() is box`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('_thread is the judge\'s: allocate_lock() is threading.Lock, start_new_thread() starts a thread it schedules', async () => {
    const r = await judge(
      counting(
        `        lock = _thread.allocate_lock()
        done = threading.Event()
        seen = []

        def work(x):
            with lock:
                seen.append(x)
            done.set()

        _thread.start_new_thread(work, (name,))
        done.wait()
        ok = isinstance(lock, threading.Lock) and seen == [name]`,
        'import _thread',
      ),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });

  test('a busy wait on the clock ends: time passes while a thread reads it again and again, as it computes', async () => {
    const r = await judge(
      counting(`        t0 = time.perf_counter()
        while time.perf_counter() - t0 < 0.002:
            pass
        ok = time.perf_counter() - t0 >= 0.002`),
      seed,
    );
    expect(r.verdict).toBe('AC');
  });
});
