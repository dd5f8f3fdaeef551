"""
What learner code imports as `threading`, `queue`, `time` and `concurrent.futures`: the names and
signatures of CPython's, but every operation is a switch point performed by the judge on its own
primitives (the same ones TypeScript solutions use), so semantics, exploration, deadlock
detection and traces are the judge's. Timeouts are seconds here and milliseconds in the judge.
"""
import _thread
import builtins
import collections
import heapq
import sys
import types

import interleave_bridge as B

_call = B.call
_new = B.new_object


def _op(obj, what, *args):
    return _call('op', obj, what, list(args))


def _q(obj, what, *args):
    return _call('q', obj, what, list(args))


def _timeout(timeout, what='timeout'):
    if timeout is None:
        return None
    if not isinstance(timeout, (int, float)) or isinstance(timeout, bool):
        raise TypeError("'%s' must be a number, not %s" % (what, type(timeout).__name__))
    return timeout


class _Primitive:
    __slots__ = ('_id', '_run')

    def _bind(self, kind, *args):
        self._id = _new(kind, *args)
        self._run = B.RUN.number

    def _oid(self):
        if self._run != B.RUN.number:
            raise RuntimeError('interleave: this %s belongs to an earlier run' % type(self).__name__)
        return self._id


class Lock(_Primitive):
    __slots__ = ()
    _kind = 'Lock'

    def __init__(self):
        self._bind(self._kind)

    def acquire(self, blocking=True, timeout=-1):
        if not blocking and timeout != -1:
            raise ValueError("can't specify a timeout for a non-blocking call")
        if timeout < 0 and timeout != -1:
            raise ValueError('timeout value must be a non-negative number')
        oid = self._oid()
        got = _op(oid, 'acquire', bool(blocking), None if timeout == -1 else timeout)
        if got:
            B.took(oid)
        return got

    def release(self):
        oid = self._oid()
        _op(oid, 'release')
        B.gave(oid)

    def locked(self):
        return _q(self._oid(), 'locked')

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def __repr__(self):
        return '<%s object %d>' % (type(self).__name__, self._id)


class RLock(Lock):
    __slots__ = ()
    _kind = 'RLock'


class Condition(_Primitive):
    __slots__ = ('_lock',)

    def __init__(self, lock=None):
        if lock is None:
            lock = RLock()
        if not isinstance(lock, Lock):
            raise TypeError('Condition(lock): lock must be a threading.Lock or RLock')
        self._lock = lock
        self._bind('Condition', lock._oid())

    def acquire(self, *args, **kwargs):
        return self._lock.acquire(*args, **kwargs)

    def release(self):
        self._lock.release()

    def __enter__(self):
        return self._lock.acquire()

    def __exit__(self, *exc):
        self._lock.release()

    def wait(self, timeout=None):
        return _op(self._oid(), 'wait', _timeout(timeout))

    def wait_for(self, predicate, timeout=None):
        # CPython's own loop: each wait is a switch point, the predicate runs with the lock held.
        endtime = None
        waittime = timeout
        result = predicate()
        while not result:
            if waittime is not None:
                if endtime is None:
                    endtime = _now() + waittime
                else:
                    waittime = endtime - _now()
                    if waittime <= 0:
                        break
            self.wait(waittime)
            result = predicate()
        return result

    def notify(self, n=1):
        _op(self._oid(), 'notify', n)

    def notify_all(self):
        _op(self._oid(), 'notify_all')

    notifyAll = notify_all


class Semaphore(_Primitive):
    __slots__ = ()
    _kind = 'Semaphore'

    def __init__(self, value=1):
        if value < 0:
            raise ValueError('semaphore initial value must be >= 0')
        self._bind(self._kind, value)

    def acquire(self, blocking=True, timeout=None):
        if not blocking and timeout is not None:
            raise ValueError("can't specify timeout for non-blocking acquire")
        return _op(self._oid(), 'acquire', bool(blocking), _timeout(timeout))

    def release(self, n=1):
        if n < 1:
            raise ValueError('n must be one or more')
        _op(self._oid(), 'release', n)

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    __enter__ = __enter__


class BoundedSemaphore(Semaphore):
    __slots__ = ()
    _kind = 'BoundedSemaphore'


class Event(_Primitive):
    __slots__ = ()

    def __init__(self):
        self._bind('Event')

    def is_set(self):
        return _q(self._oid(), 'is_set')

    isSet = is_set

    def set(self):
        _op(self._oid(), 'set')

    def clear(self):
        _op(self._oid(), 'clear')

    def wait(self, timeout=None):
        return _op(self._oid(), 'wait', _timeout(timeout))


class BrokenBarrierError(RuntimeError):
    pass


class Barrier(_Primitive):
    """
    threading.Barrier on the judge's own Barrier. With an `action`, CPython's semantics: the last
    thread to arrive runs it before any thread goes on (they wait at a second barrier of the
    judge's, the gate), and if it raises, the barrier breaks: the others get BrokenBarrierError,
    that thread the action's exception.
    """
    __slots__ = ('_parties', '_action', '_timeout', '_gate')

    def __init__(self, parties, action=None, timeout=None):
        if not isinstance(parties, int) or isinstance(parties, bool):
            raise TypeError("'parties' must be an int, not %s" % type(parties).__name__)
        if parties < 1:
            raise ValueError('parties must be > 0')
        if action is not None and not callable(action):
            raise TypeError("'action' must be callable, not %s" % type(action).__name__)
        self._parties = parties
        self._action = action
        self._timeout = _timeout(timeout)
        self._bind('Barrier', parties)
        self._gate = None
        if action is not None:
            gate = Barrier.__new__(Barrier)
            gate._parties = parties
            gate._action = None
            gate._timeout = None
            gate._gate = None
            gate._bind('Barrier', parties)
            self._gate = gate

    def wait(self, timeout=None):
        if timeout is None:
            timeout = self._timeout
        index = _op(self._oid(), 'wait', _timeout(timeout))
        gate = self._gate
        if gate is None:
            return index
        if index == self._parties - 1:
            try:
                self._action()
            except BaseException:
                _op(gate._oid(), 'abort')
                _op(self._oid(), 'abort')
                raise
        try:
            _op(gate._oid(), 'wait', _timeout(timeout))
        except BrokenBarrierError:
            # The whole barrier is broken, as in CPython (a timeout at the gate, an abort).
            if not _q(self._oid(), 'broken'):
                _op(self._oid(), 'abort')
            raise
        return index

    def abort(self):
        _op(self._oid(), 'abort')
        if self._gate is not None:
            _op(self._gate._oid(), 'abort')

    def reset(self):
        _op(self._oid(), 'reset')
        if self._gate is not None:
            _op(self._gate._oid(), 'reset')

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        n = _q(self._oid(), 'n_waiting')
        if self._gate is not None:
            n += _q(self._gate._oid(), 'n_waiting')
        return n

    @property
    def broken(self):
        return _q(self._oid(), 'broken')


class Thread:
    """threading.Thread: `target` (or an overridden `run`) runs in a thread the judge schedules."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs=None, *, daemon=None):
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs or {})
        if name is None:
            # CPython's default name, numbered from 1 in every run: 'Thread-1 (worker)'.
            _thread_names[0] += 1
            name = 'Thread-%d' % _thread_names[0]
            if target is not None:
                name += ' (%s)' % getattr(target, '__name__', type(target).__name__)
        self._name = str(name)
        self._daemonic = bool(daemon) if daemon is not None else current_thread().daemon
        self._obj = None
        self._run = B.RUN.number
        self._ident = None
        self._started = False

    def run(self):
        if self._target is not None:
            self._target(*self._args, **self._kwargs)

    def start(self):
        if self._started:
            raise RuntimeError('threads can only be started once')
        self._started = True
        self._obj = _new('Thread', self._name, self._daemonic)
        _THREADS[self._obj] = self
        _op(self._obj, 'start')

    def join(self, timeout=None):
        if not self._started:
            raise RuntimeError('cannot join thread before it is started')
        if self is current_thread():
            raise RuntimeError('cannot join current thread')
        _op(self._obj, 'join', _timeout(timeout))

    def is_alive(self):
        return self._started and _q(self._obj, 'is_alive')

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, value):
        self._name = str(value)

    def getName(self):
        return self.name

    def setName(self, name):
        self.name = name

    @property
    def ident(self):
        return B.FIXED[0].stable_ident(self._ident)

    native_id = ident

    @property
    def daemon(self):
        return self._daemonic

    @daemon.setter
    def daemon(self, value):
        if self._started:
            raise RuntimeError('cannot set daemon status of active thread')
        self._daemonic = bool(value)

    def isDaemon(self):
        return self._daemonic

    def setDaemon(self, daemonic):
        self.daemon = daemonic

    def __repr__(self):
        kind = 'Thread' if isinstance(self, _HarnessThread) else type(self).__name__
        return '<%s(%s, %s)>' % (kind, self.name, 'started' if self._started else 'initial')


class Timer(Thread):
    """threading.Timer, as CPython's: its thread waits `interval` (virtual) seconds on an Event
    that cancel() sets, then calls `function`."""

    def __init__(self, interval, function, args=None, kwargs=None):
        Thread.__init__(self)
        self.interval = interval
        self.function = function
        self.args = args if args is not None else []
        self.kwargs = kwargs if kwargs is not None else {}
        # The timer's own machinery: its wait is a switch point, but no trace row (an
        # `Event.wait()` with no line, which the learner never wrote).
        self.finished = Event.__new__(Event)
        self.finished._bind('MachineryEvent')

    def cancel(self):
        self.finished.set()

    def run(self):
        self.finished.wait(self.interval)
        if not self.finished.is_set():
            self.function(*self.args, **self.kwargs)
        self.finished.set()


class _HarnessThread(Thread):
    """A thread the judge started (one of the problem's threads) or the main thread."""

    def __init__(self, name, ident, daemon=False):
        Thread.__init__(self, name=name, daemon=False)
        self._ident = ident
        self._started = True

    def join(self, timeout=None):
        raise RuntimeError('cannot join a thread the judge started')

    def is_alive(self):
        return True


_THREADS = {}
_local_thread = {}
# Threads named by default in this run; concurrent.futures (per-run counters of its own).
_thread_names = [0]
_futures = [None]


def reset_run():
    _thread_names[0] = 0
    _futures[0].reset_run()
    _THREADS.clear()
    _local_thread.clear()
    _local_thread[B.MAIN.ident] = _HarnessThread('MainThread', B.MAIN.ident)


def bind_thread(rec, name):
    t = _local_thread.get(rec.ident)
    if t is None or t._name != name:
        _local_thread[rec.ident] = _HarnessThread(name, rec.ident)


def run_learner_thread(rec, obj):
    t = _THREADS[obj]
    t._ident = rec.ident
    _local_thread[rec.ident] = t
    t.run()


def current_thread():
    t = _local_thread.get(_thread.get_ident())
    if t is None:
        raise RuntimeError('interleave: current_thread() outside the judge\'s threads')
    return t


def main_thread():
    return _local_thread[B.MAIN.ident]


def get_ident():
    return B.FIXED[0].stable_ident(_thread.get_ident())


def active_count():
    return _q(0, 'active_count')


def enumerate():
    names = _q(0, 'enumerate')
    by_name = {t.name: t for t in _local_thread.values()}
    return [by_name.get(n) or _HarnessThread(n, 0) for n in names]


# ----- time -----------------------------------------------------------------------------------

_EPOCH = 1704067200.0  # the judge's virtual clock starts at 2024-01-01 00:00 UTC


# Reads of the clock in a row, with no other operation between, after which a thread is taken to
# be waiting on it busily (`while time.perf_counter() - t0 < 0.001: pass`). CPython's clock moves
# while a thread computes, the judge's does not: from then on each read passes a little time
# first, as a sleep does (a switch point), twice as much as the last, so a busy delay ends after
# a few dozen reads however long it is, and other threads may run meanwhile.
CLOCK_SPIN = 20


def _now():
    rec = B.me()
    rec.clock_reads += 1
    over = rec.clock_reads - CLOCK_SPIN
    if over > 0 and rec is not B.MAIN:
        reads = rec.clock_reads
        _op(0, 'sleep', 1e-6 * 2 ** min(over, 20))
        rec.clock_reads = reads
    return _q(0, 'now') / 1000.0


def sleep(seconds):
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(seconds).__name__)
    if seconds < 0:
        raise ValueError('sleep length must be non-negative')
    _op(0, 'sleep', seconds)


def _time():
    return _EPOCH + _now()


def _time_ns():
    return int(_time() * 1e9)


def _monotonic():
    return _now()


def _monotonic_ns():
    return int(_now() * 1e9)


# ----- queue ----------------------------------------------------------------------------------

class Empty(Exception):
    pass


class Full(Exception):
    pass


def _queue_timeout(block, timeout):
    """As CPython's queue: a timeout counts only when the call blocks (`get(False, 1.0)` is get_nowait)."""
    if not block:
        return None
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    return _timeout(timeout)


# Which Queue a solution gets. CPython's queue.Queue is Python code on a Lock and three Conditions
# (`mutex`, `not_empty`, `not_full`, `all_tasks_done`), with hooks a subclass overrides (`_init`,
# `_qsize`, `_put`, `_get`: that is how LifoQueue and PriorityQueue are written). `Queue` below is
# that code, on the judge's Lock and Condition, so a subclass, LifoQueue, PriorityQueue and a
# solution that reads those internals behave as in CPython, switch points included. A plain
# `queue.Queue(n)` of a solution that never names the internals is the judge's own Queue instead
# (_JudgeQueue): the same behaviour a solution can see, but put and get are one switch point each
# and one trace row, not a lock, a wait and a notify each.
INTERNALS = ('mutex', 'not_empty', 'not_full', 'all_tasks_done', 'unfinished_tasks')
_cpython_queues = [False]


def use_cpython_queues(source):
    """Does the solution name a queue's internals (`q.mutex`, ...)? Then its queues are CPython's code."""
    import re
    _cpython_queues[0] = re.search(r'\.\s*(%s)\b' % '|'.join(INTERNALS), source) is not None


class Queue:
    """queue.Queue as CPython 3.11 writes it, on the judge's Lock and Condition."""

    def __new__(cls, *args, **kwargs):
        if cls is Queue and not _cpython_queues[0]:
            cls = _JudgeQueue
        return object.__new__(cls)

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = Lock()
        self.not_empty = Condition(self.mutex)
        self.not_full = Condition(self.mutex)
        self.all_tasks_done = Condition(self.mutex)
        self.unfinished_tasks = 0
        # (Not CPython's: a trace names these by the queue they belong to, `q.mutex.acquire()`.)
        for part in ('mutex', 'not_empty', 'not_full', 'all_tasks_done'):
            B.name_part(getattr(self, part)._id, part)

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = _now() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - _now()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = _now() + timeout
                while not self._qsize():
                    remaining = endtime - _now()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = collections.deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):
    """queue.PriorityQueue as CPython writes it: the lowest item first (heapq)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heapq.heappush(self.queue, item)

    def _get(self):
        return heapq.heappop(self.queue)


class LifoQueue(Queue):
    """queue.LifoQueue as CPython writes it: the last item put first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class _ReadOnlyItems(tuple):
    """`q.queue` of the judge's Queue: its items, in order, as a copy that says it is one."""

    def __getattr__(self, name):
        raise AttributeError(
            "interleave: q.queue is a read-only copy of the queue's items here (the judge keeps them); "
            'change them with put() and get(), or name q.mutex in your file to get CPython\'s Queue code')


class _JudgeQueue(Queue):
    """A plain queue.Queue: the judge's own, each put and get one switch point."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._id = _new(self._kind, maxsize)
        self._run = B.RUN.number

    _kind = 'Queue'
    _oid = _Primitive._oid

    @classmethod
    def _machinery(cls):
        """An unbounded queue of the runtime's own (concurrent.futures): no trace rows of its own."""
        q = object.__new__(_JudgeQueue)
        q.maxsize = 0
        q._id = _new('MachineryQueue')
        q._run = B.RUN.number
        return q

    def put(self, item, block=True, timeout=None):
        _op(self._oid(), 'put', B.handle(item), bool(block), _queue_timeout(block, timeout))

    def get(self, block=True, timeout=None):
        return B.unhandle(_op(self._oid(), 'get', bool(block), _queue_timeout(block, timeout)))

    def put_nowait(self, item):
        return self.put(item, False)

    def get_nowait(self):
        return self.get(False)

    def qsize(self):
        return _q(self._oid(), 'qsize')

    def empty(self):
        return _q(self._oid(), 'empty')

    def full(self):
        return _q(self._oid(), 'full')

    def task_done(self):
        _op(self._oid(), 'task_done')

    def join(self):
        _op(self._oid(), 'join')

    @property
    def queue(self):
        return _ReadOnlyItems(B.peek(v) for v in _q(self._oid(), 'items'))

    def __getattr__(self, name):
        if name in INTERNALS:
            raise AttributeError(
                "interleave: this queue.Queue is the judge's own, without CPython's '%s': write q.%s in your "
                'file (not through getattr) and its queues are CPython\'s code, internals and all' % (name, name))
        raise AttributeError("'Queue' object has no attribute '%s'" % name)


class SimpleQueue(_JudgeQueue):
    """queue.SimpleQueue: unbounded, the judge's own."""

    def __init__(self):
        _JudgeQueue.__init__(self, 0)


for _cls in (Queue, PriorityQueue, LifoQueue, SimpleQueue, Empty, Full):
    _cls.__module__ = 'queue'
_JudgeQueue.__name__ = _JudgeQueue.__qualname__ = 'Queue'
_JudgeQueue.__module__ = 'queue'


def wrap_object(oid, kind):
    """A primitive the judge made and passes in (a problem's stop event) as learner code sees it."""
    cls = {'Event': Event, 'Lock': Lock, 'RLock': RLock, 'Semaphore': Semaphore, 'Queue': _JudgeQueue}[kind]
    obj = object.__new__(cls)
    obj._id = oid
    obj._run = B.RUN.number
    if cls is _JudgeQueue:
        obj.maxsize = 0
    return obj


ERRORS = {'BrokenBarrierError': BrokenBarrierError, 'Empty': Empty, 'Full': Full}


def _module(name, doc, **attrs):
    m = types.ModuleType(name, doc)
    for k, v in attrs.items():
        setattr(m, k, v)
    return m


def _hide_runtime_frames():
    """Tracebacks and stacks learner code prints (traceback.format_exc, print_stack, ...) show no
    frame of the runtime: where the judge's threading raised is its own business, and its files'
    paths are this machine's, as a TypeScript stack shows no judge frame."""
    import os
    import traceback
    runtime = os.path.dirname(__file__) + os.sep

    def hiding(walk):
        def walk_learner(*args, **kwargs):
            return ((f, x) for f, x in walk(*args, **kwargs) if not f.f_code.co_filename.startswith(runtime))
        return walk_learner
    traceback.walk_tb = hiding(traceback.walk_tb)
    traceback.walk_stack = hiding(traceback.walk_stack)
    if hasattr(traceback, '_walk_tb_with_full_positions'):
        traceback._walk_tb_with_full_positions = hiding(traceback._walk_tb_with_full_positions)


def install():
    """Puts the shims in sys.modules: learner code's `import threading` finds them."""
    import interleave_futures as futures
    _futures[0] = futures
    _hide_runtime_frames()
    threading = _module(
        'threading', "The judge's threading: every operation is a switch point.",
        Lock=Lock, RLock=RLock, Condition=Condition, Semaphore=Semaphore, BoundedSemaphore=BoundedSemaphore,
        Event=Event, Barrier=Barrier, BrokenBarrierError=BrokenBarrierError, Thread=Thread, Timer=Timer,
        local=_thread._local, current_thread=current_thread, currentThread=current_thread,
        main_thread=main_thread, get_ident=get_ident, get_native_id=get_ident, active_count=active_count,
        activeCount=active_count, enumerate=enumerate, TIMEOUT_MAX=_thread.TIMEOUT_MAX,
        ThreadError=RuntimeError,
    )
    queue = _module('queue', "The judge's queue.", Queue=Queue, SimpleQueue=SimpleQueue, Empty=Empty, Full=Full,
                    LifoQueue=LifoQueue, PriorityQueue=PriorityQueue)
    import time as real
    time = _module(
        'time', "The judge's time: virtual, sleep costs nothing.",
        sleep=sleep, time=_time, time_ns=_time_ns, monotonic=_monotonic, monotonic_ns=_monotonic_ns,
        perf_counter=_monotonic, perf_counter_ns=_monotonic_ns, process_time=_monotonic,
        gmtime=lambda s=None: real.gmtime(_time() if s is None else s),
        localtime=lambda s=None: real.gmtime(_time() if s is None else s),
        strftime=lambda f, t=None: real.strftime(f, real.gmtime(_time()) if t is None else t),
        ctime=lambda s=None: real.ctime(_time() if s is None else s),
        struct_time=real.struct_time, mktime=real.mktime,
    )
    sys.modules['threading'] = threading
    sys.modules['queue'] = queue
    sys.modules['time'] = time
    import concurrent
    sys.modules['concurrent.futures'] = futures
    concurrent.futures = futures
    # A package, as CPython's is: `from concurrent.futures.thread import ThreadPoolExecutor` (where
    # it is defined) and `concurrent.futures._base` import too, with the same names.
    futures.__path__ = []
    for sub, names in (
        ('thread', ('ThreadPoolExecutor', 'BrokenThreadPool')),
        ('_base', ('Future', 'Executor', 'wait', 'as_completed', 'FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED',
                   'CancelledError', 'TimeoutError', 'InvalidStateError', 'BrokenExecutor')),
    ):
        full = 'concurrent.futures.' + sub
        m = _module(full, 'The judge\'s concurrent.futures.', **{n: getattr(futures, n) for n in names if hasattr(futures, n)})
        sys.modules[full] = m
        setattr(futures, sub, m)


def _start_new_thread(function, args, kwargs=None):
    """_thread.start_new_thread: a daemon thread of the judge's (CPython's does not keep the process alive)."""
    if not callable(function):
        raise TypeError('first arg must be callable')
    if not isinstance(args, tuple):
        raise TypeError('2nd arg must be a tuple')
    t = Thread(target=function, args=args, kwargs=kwargs, daemon=True)
    t.start()
    return t.ident


def _stack_size(size=0):
    if size:
        raise ValueError('interleave: the judge sets the threads\' stack size')
    return 0


def install_thread_module():
    """`import _thread` in learner code: the low-level names threading is made of, on the judge's
    primitives (`_thread.allocate_lock()` is threading.Lock, as in CPython), and no real thread."""
    sys.modules['_thread'] = _module(
        '_thread', "The judge's _thread: the low-level names of its threading.",
        allocate_lock=Lock, allocate=Lock, LockType=Lock, RLock=RLock, start_new_thread=_start_new_thread,
        start_new=_start_new_thread, get_ident=get_ident, get_native_id=get_ident, error=RuntimeError,
        TIMEOUT_MAX=_thread.TIMEOUT_MAX, stack_size=_stack_size, _local=_thread._local,
    )

