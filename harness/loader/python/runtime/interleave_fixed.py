"""
What learner code could read of the machine or of the process's memory, made the same in every
run: `datetime`'s clock (the judge's virtual time, as `time`'s is), random bytes (`os.urandom`,
`random.SystemRandom`: drawn from the run's seed), `id()` and the hash of objects that hash by
identity (numbered in the order the run first asks: a `set` of them iterates in the same order in
every run), thread idents, object addresses in what it prints or raises, `sys.argv`, and the number
of CPUs (`os.cpu_count()`, which sizes a ThreadPoolExecutor by default: 4 on every machine).
Otherwise a file could pass or fail by where the allocator put an object or what the machine's
clock said, and a replay would not reproduce the run it replays.
"""
import builtins
import os
import random
import re
import sys

_bytes = random.Random(0)
# What os.cpu_count() says on every machine: a default ThreadPoolExecutor has min(32, CPU_COUNT + 4)
# workers, as CPython's, so a verdict cannot depend on the grading machine's cores.
CPU_COUNT = 4
_real_id = builtins.id
_ADDRESS = re.compile(r'\b0x[0-9a-f]{9,16}\b')


class _Numbering:
    """Numbers things in the order a run first asks about them: base, base + step, ..."""

    def __init__(self, base, step):
        self.base, self.step, self.seen = base, step, {}

    def of(self, key, keep=None):
        """`key`'s number; `keep` (an object) stays alive until the run ends, so that no other
        object of the run gets its address, and so its number."""
        hit = self.seen.get(key)
        if hit is None:
            hit = self.seen[key] = (self.base + self.step * len(self.seen), keep)
        return hit[0]


_ids = _Numbering(0x7f0000001000, 16)          # real id -> the id learner code is told
_addresses = _Numbering(0x7f0000001000, 16)    # an address in text -> its placeholder
_idents = _Numbering(0x7f0000a00000, 0x1000)   # a thread's real ident -> the one learner code is told


def reset_run(seed):
    _bytes.seed(seed)
    for numbering in (_ids, _addresses, _idents):
        numbering.seen.clear()


def stable_ident(real):
    """A thread's ident as learner code sees it: numbered in the order the run first asks."""
    return None if real is None else _idents.of(real)


def learner_hash(obj):
    """The hash of an object that hashes by identity: from its learner id, not its address."""
    return learner_id(obj) >> 4


def hash_by_run(cls):
    """Makes `cls` hash as learner_hash when it hashes by identity (object's own __hash__)."""
    if getattr(cls, '__hash__', None) is object.__hash__:
        cls.__hash__ = learner_hash
    return cls


def _build_class(func, name, *bases, **kwds):
    return hash_by_run(builtins.__build_class__(func, name, *bases, **kwds))


def urandom(n):
    if n < 0:
        raise ValueError('negative argument not allowed')
    return _bytes.randbytes(n)


def learner_id(obj):
    """id() as learner code sees it: distinct for distinct live objects, as CPython's, and the same
    in every run that asks in the same order."""
    return _ids.of(_real_id(obj), obj)


def scrub(text):
    """Addresses in printed text (`<Counter object at 0x7f3a…>`) as the same placeholder in every run."""
    if '0x' not in text:
        return text
    return _ADDRESS.sub(_placeholder, text)


def _placeholder(m):
    return hex(_addresses.of(m.group(0)))


def learner_builtins():
    """The builtins learner code runs with: the real ones, but id(), and classes that hash by run."""
    b = dict(vars(builtins))
    b['id'] = learner_id
    b['__build_class__'] = _build_class
    return b


def install(now, modules):
    """Before any learner code: `now()` is the judge's virtual time in seconds since the epoch;
    `modules` are the judge's own learner code imports (threading, queue, concurrent.futures),
    whose classes hash by run too and show the names learner code knows them by."""
    for module in modules:
        for value in list(vars(module).values()):
            if isinstance(value, type) and value.__module__.startswith('interleave_'):
                hash_by_run(value)
                value.__module__ = module.__name__
    os.urandom = urandom
    if hasattr(os, 'getrandom'):
        os.getrandom = lambda size, flags=0: urandom(size)
    random._urandom = urandom
    os.cpu_count = lambda: CPU_COUNT
    if hasattr(os, 'process_cpu_count'):
        os.process_cpu_count = os.cpu_count
    if hasattr(os, 'sched_getaffinity'):
        os.sched_getaffinity = lambda pid: set(range(CPU_COUNT))
    sys.argv = ['']  # the runner's path, folder and limits are the judge's (the file's name comes with it)
    _virtual_datetime(now)


def _virtual_datetime(now):
    import datetime as dt

    class date(dt.date):
        __slots__ = ()

        @classmethod
        def today(cls):
            return cls.fromtimestamp(now())

    # Both bases, so that a datetime is still a date (isinstance), as the real ones are.
    class datetime(dt.datetime, date):
        __slots__ = ()

        @classmethod
        def now(cls, tz=None):
            return cls.fromtimestamp(now(), tz)

        @classmethod
        def utcnow(cls):
            return cls.utcfromtimestamp(now())

        @classmethod
        def today(cls):
            return cls.fromtimestamp(now())

    for cls in (date, datetime):
        cls.__module__ = 'datetime'
    dt.date = date
    dt.datetime = datetime
