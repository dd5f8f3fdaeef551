"""
What learner code imports as `concurrent.futures`: ThreadPoolExecutor and Future over the judge's
threads, locks and queues, so a task's every operation is a switch point like any other. Unlike
CPython's, an exception in a task is never hidden: when the executor shuts down (the end of a
`with` block), a failure nobody retrieved with `result()` or `exception()` is raised there.
"""
import collections
import sys
import traceback

import interleave_shims as S

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

TimeoutError = TimeoutError


class CancelledError(Exception):
    pass


class BrokenExecutor(RuntimeError):
    pass


class InvalidStateError(Exception):
    pass


DoneAndNotDoneFutures = collections.namedtuple('DoneAndNotDoneFutures', 'done not_done')


class Future:
    def __init__(self):
        self._cond = S.Condition(S.Lock())
        self._state = 'PENDING'
        self._result = None
        self._exception = None
        self._callbacks = []
        self._observed = False

    def done(self):
        return self._state in ('FINISHED', 'CANCELLED')

    def running(self):
        return self._state == 'RUNNING'

    def cancelled(self):
        return self._state == 'CANCELLED'

    def cancel(self):
        with self._cond:
            if self._state != 'PENDING':
                return self._state == 'CANCELLED'
            self._state = 'CANCELLED'
            self._cond.notify_all()
        self._run_callbacks()
        return True

    def _wait(self, timeout):
        with self._cond:
            if not self.done():
                self._cond.wait_for(self.done, timeout)
            if not self.done():
                raise TimeoutError()
        if self._state == 'CANCELLED':
            raise CancelledError()

    def result(self, timeout=None):
        self._wait(timeout)
        self._observed = True
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self, timeout=None):
        self._wait(timeout)
        self._observed = True
        return self._exception

    def add_done_callback(self, fn):
        if self.done():
            self._call(fn)
        else:
            self._callbacks.append(fn)

    def _call(self, fn):
        # As CPython's: a callback that raises is logged, and neither the caller nor the worker fails.
        try:
            fn(self)
        except Exception:
            print('exception calling callback for %r' % (self,), file=sys.stderr)
            traceback.print_exc()

    def set_running_or_notify_cancel(self):
        if self._state == 'CANCELLED':
            return False
        self._state = 'RUNNING'
        return True

    def set_result(self, result):
        self._finish(result, None)

    def set_exception(self, exception):
        self._finish(None, exception)

    def _finish(self, result, exception):
        if self._state in ('CANCELLED', 'FINISHED'):
            raise InvalidStateError('%s: %r' % (self._state, self))
        with self._cond:
            self._result = result
            self._exception = exception
            self._state = 'FINISHED'
            self._cond.notify_all()
        self._run_callbacks()

    def _run_callbacks(self):
        callbacks, self._callbacks = self._callbacks, []
        for fn in callbacks:
            self._call(fn)


# Executors made in this run (their default names number them from 0 in every run and replay).
_executors = [0]


def reset_run():
    _executors[0] = 0


class ThreadPoolExecutor:
    def __init__(self, max_workers=None, thread_name_prefix='', initializer=None, initargs=()):
        if max_workers is None:
            # CPython's default; os.cpu_count() is the same on every machine (interleave_fixed).
            import os
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError('max_workers must be greater than 0')
        self._max_workers = max_workers
        self._prefix = thread_name_prefix or 'ThreadPoolExecutor-%d' % _executors[0]
        _executors[0] += 1
        self._initializer = initializer
        self._initargs = initargs
        self._work = S._JudgeQueue._machinery()
        self._threads = []
        # Workers waiting for work: a submit hands them the job rather than starting a thread.
        self._idle = 0
        self._futures = []
        self._shutdown = False

    def submit(self, fn, /, *args, **kwargs):
        if self._shutdown:
            raise RuntimeError('cannot schedule new futures after shutdown')
        f = Future()
        self._futures.append(f)
        self._work.put((f, fn, args, kwargs))
        if self._idle > 0:
            self._idle -= 1
        elif len(self._threads) < self._max_workers:
            t = S.Thread(target=self._worker, name='%s_%d' % (self._prefix, len(self._threads)), daemon=True)
            self._threads.append(t)
            t.start()
        return f

    def _worker(self):
        if self._initializer is not None:
            self._initializer(*self._initargs)
        while True:
            item = self._work.get()
            if item is None:
                return
            f, fn, args, kwargs = item
            if not f.set_running_or_notify_cancel():
                continue
            try:
                result = fn(*args, **kwargs)
            except BaseException as e:
                f.set_exception(e)
            else:
                f.set_result(result)
            self._idle += 1

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        # As CPython's: one deadline for all the results, and what is still queued is cancelled
        # when the caller stops early (a result raised, or the generator was closed).
        end = None if timeout is None else S._now() + timeout
        fs = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            try:
                fs.reverse()
                while fs:
                    if end is None:
                        yield fs.pop().result()
                    else:
                        yield fs.pop().result(end - S._now())
            finally:
                for f in fs:
                    f.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        if not self._shutdown:
            self._shutdown = True
            if cancel_futures:
                for f in self._futures:
                    f.cancel()
            for _ in self._threads:
                self._work.put(None)
        if wait:
            for t in self._threads:
                t.join()
            for f in self._futures:
                if f._exception is not None and not f._observed:
                    f._observed = True
                    raise f._exception

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown(wait=True)
        return False


class ProcessPoolExecutor:
    """Not provided: said at the line that makes one (an import error naming the runtime's file said nothing)."""

    def __init__(self, *args, **kwargs):
        raise NotImplementedError('interleave: concurrent.futures.ProcessPoolExecutor is not provided by the judge: '
                                  'a solution runs in threads; use ThreadPoolExecutor')


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    fs = set(fs)
    end = None if timeout is None else S._now() + timeout
    done_q = S._JudgeQueue._machinery()
    for f in fs:
        f.add_done_callback(done_q.put)
    done = set(f for f in fs if f.done())
    while len(done) < len(fs):
        if return_when == FIRST_COMPLETED and done:
            break
        if return_when == FIRST_EXCEPTION and any(f._exception is not None for f in done):
            break
        try:
            done.add(done_q.get(timeout=_left(end)))
        except S.Empty:
            break
        # As CPython's waiter does: once woken, every future finished by now is done, not only the
        # one that woke it (a loop that handles one of them and drops the rest loses work).
        while True:
            try:
                done.add(done_q.get_nowait())
            except S.Empty:
                break
    for f in fs - done:
        # As CPython's waiter is removed: a future waited on again and again keeps no stale callbacks.
        try:
            f._callbacks.remove(done_q.put)
        except ValueError:
            pass
    return DoneAndNotDoneFutures(done, fs - done)


def _left(end):
    """Seconds left before `end` (one deadline for a whole wait, as CPython's), None for no end."""
    return None if end is None else max(0.0, end - S._now())


def as_completed(fs, timeout=None):
    fs = set(fs)
    end = None if timeout is None else S._now() + timeout
    done_q = S._JudgeQueue._machinery()
    for f in fs:
        f.add_done_callback(done_q.put)
    seen = set()
    while len(seen) < len(fs):
        try:
            f = done_q.get(timeout=_left(end))
        except S.Empty:
            raise TimeoutError('%d (of %d) futures unfinished' % (len(fs) - len(seen), len(fs)))
        if f not in seen:
            seen.add(f)
            yield f


Executor = ThreadPoolExecutor
