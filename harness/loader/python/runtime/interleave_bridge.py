"""
The runner: learner threads are real Python threads, but only one runs at a time. A thread runs
until its next operation on a primitive (a switch point), reports the operation to the judge and
waits on a FIFO of its own (its slot; the main thread's is `to-py`); the judge performs the
operation on its own primitives, picks the next thread, and writes the outcome to that thread's
slot: the kernel wakes the very thread that goes on, and no thread of the runner wakes another.

Protocol (one JSON array a line): the judge sends `[tid, kind, ...]` to the thread's slot; the
runner answers each with exactly one `[news, kind, line, ...]` on `from-py`, where `news` lists
primitives created since the last message (or 0) and `line` is the learner's line. A thread the
runner has not seen is served by a thread whose call ended in an earlier run (the judge writes to
its slot), or is started by the thread that wrote last (`[-1, 'spawn', slot, message]`). The
runner reports; the judge decides.
"""
import _thread
import builtins
import json
import os
import re
import struct
import sys
import time as _real_time
import types

_monotonic = _real_time.monotonic
_get_ident = _thread.get_ident
# The runtime's own way to start a thread: learner code's is refused (interleave_contain).
_start_thread = _thread.start_new_thread
_getframe = sys._getframe
# The C encoder and scanner themselves: json.dumps and json.loads wrap them in Python code that
# cost a third of the runner's own time a step.
_encode = json.encoder.c_make_encoder(
    None, repr, json.encoder.encode_basestring, None, ':', ',', False, False, True)
_scan = json.scanner.c_make_scanner(json.decoder.JSONDecoder())
_set_clock = struct.Struct('d').pack_into


def _dumps(msg):
    return ''.join(_encode(msg, 0))

IN = OUT = -1
CLOCK = None
LIMITS = {}
LEARNER = '<learner>'
LEARNER_GLOBALS = [None]  # the globals of this run's learner module
CODE = None
NAMES = []  # every name the learner's code could give an attribute (see _mentioned)
OUTPUT_LIMIT = 1 << 20


class Rec:
    """A Python thread the judge knows: its id, its slot (the FIFO it reads), its first message."""
    __slots__ = ('tid', 'fd', 'buf', 'gate', 'inbox', 'idle', 'thread', 'ident', 'run', 'clock_reads')

    def __init__(self, tid, fd):
        self.tid = tid
        self.fd = fd
        self.buf = b''
        # Where a thread of a run that is over waits for ever (it never runs the old code again).
        self.gate = _thread.allocate_lock()
        self.gate.acquire()
        self.inbox = None
        self.idle = False
        self.thread = None
        self.ident = None
        self.run = 0
        # Reads of the clock since the thread's last operation (a busy wait on it: see shims._now).
        self.clock_reads = 0


class Run:
    """What one run of the solution holds; a new run starts from nothing."""

    def __init__(self, number, tracing):
        self.number = number
        self.tracing = tracing
        self.next_obj = 0
        self.news = []
        self.handles = {}
        self.next_handle = 0
        self.instance = None
        self.module = None
        self.output = 0
        self.out_line = ''
        # Callbacks the judge said are print callbacks (they return nothing and never wait): their
        # calls go with the thread's next message instead of a round trip each.
        self.quiet = set()
        self.pending = []
        # Which reads and writes of the instance's data attributes are switch points (see
        # _watch_attributes): 'all' where the problem says so (race-counter), else 'unlocked'.
        self.watch_attributes = 'unlocked'
        # While the judge itself reads the instance (a final read), its reads are no switch points.
        self.watching = False
        # The Locks and RLocks held (took/gave): lock -> [thread id, depth]; thread id -> locks held.
        self.owners = {}
        self.held = {}
        # Attributes of plain, unchangeable data (a number, a string) written since threads started:
        # before any write, reading one races with nothing.
        self.written = set()


RUN = Run(0, False)
MAIN = Rec(0, -1)
RECS = {0: MAIN}          # tid -> Rec, this run's threads
BY_IDENT = {}             # real thread ident -> Rec
NATIVE = {}               # real thread ident -> the kernel's id of that thread (for its CPU clock)
PARKED = [0]              # threads left blocked by runs that ended (never resumed)
SLOTS = ['']              # the folder of the slot FIFOs, as `<folder>/s`
_heard = [False]
_running = [0]
WATCHDOG = [None]
SHIMS = [None]            # the interleave_shims module (not importable by learner code)
FIXED = [None]            # the interleave_fixed module (likewise)


_NOTHING = object()  # what an attribute the instance does not have reads as


class JudgeGone(BaseException):
    """The judge closed the channel: the runner ends."""


# ----- the channel -------------------------------------------------------------------------

def _send(msg):
    run = RUN
    if run.pending:
        # Print calls made since the last message come first, in order: no other thread ran since.
        msg = [0, 'cbs', 0, run.pending, msg]
        run.pending = []
    data = (''.join(_encode(msg, 0)) + '\n').encode('utf-8', 'replace')
    n = os.write(OUT, data)
    while n < len(data):
        data = data[n:]
        n = os.write(OUT, data)


def _recv(me):
    buf = me.buf
    while True:
        i = buf.find(b'\n')
        if i >= 0:
            me.buf = buf[i + 1:]
            return _scan(buf[:i].decode('utf-8'), 0)[0]
        chunk = os.read(me.fd, 65536)
        if not chunk:
            if _heard[0]:
                os._exit(0)
            # The judge has not opened its end yet (a FIFO without a writer reads as empty).
            _real_time.sleep(0.001)
            continue
        _heard[0] = True
        buf += chunk


def _step_begin():
    _running[0] = _get_ident()
    _set_clock(CLOCK, 0, _monotonic())


def _step_end():
    _set_clock(CLOCK, 0, 0.0)


def _await(me):
    """Reads my slot until a message for me comes; starts the threads the judge asks for meanwhile."""
    while True:
        msg = _recv(me)
        tid = msg[0]
        if tid == me.tid:
            _step_begin()
            return msg
        if tid == -1 and msg[1] == 'spawn':
            _spawn(msg[2], msg[3])
            continue
        if me.idle and me is not MAIN and RECS.get(tid) is None:
            # My call ended in an earlier run: I serve the judge's new thread now.
            _bind(me, tid)
            _step_begin()
            return msg
        _send([news(), 'bad', 0, 'interleave: a message for thread %s reached thread %s' % (tid, me.tid)])


def exchange(me, msg):
    _step_end()
    _send(msg)
    return _await(me)


def _bind(rec, tid):
    rec.tid = tid
    rec.run = RUN.number
    RECS[tid] = rec


def _spawn(slot, msg):
    """A new thread for the judge's thread `msg[0]`, reading slot `slot`; it starts with `msg`."""
    fd = -1
    try:
        fd = os.open(SLOTS[0] + str(int(slot)), os.O_RDONLY)
        rec = Rec(msg[0], fd)
        rec.inbox = msg
        _bind(rec, msg[0])
        _start_thread(_worker, (rec,))
    except Exception as e:
        # As CPython's Thread.start() fails: that thread raises, the judge says where.
        if fd >= 0:
            os.close(fd)
        RECS.pop(msg[0], None)
        _send([news(), 'exc', 0, 'RuntimeError', "can't start new thread (%s)" % _describe(e)[1], [], 'spawn'])


def news():
    n = RUN.news
    if not n:
        return 0
    RUN.news = []
    return n


def me():
    rec = BY_IDENT.get(_thread.get_ident())
    if rec is None:
        raise RuntimeError('interleave: this thread was not started through threading')
    if rec.run != RUN.number:
        raise _Abandoned()
    return rec


class _Abandoned(BaseException):
    pass


def learner_line(depth=2):
    f = sys._getframe(depth)
    g = LEARNER_GLOBALS[0]
    while f is not None:
        if f.f_globals is g and f.f_code.co_filename == LEARNER:
            return f.f_lineno
        f = f.f_back
    return 0


# ----- what the shims call ---------------------------------------------------------------------

ERRORS = {}


def _raise(reply):
    cls = ERRORS.get(reply[2]) or getattr(builtins, reply[2], None)
    if not (isinstance(cls, type) and issubclass(cls, BaseException)):
        cls = RuntimeError
    raise cls(reply[3])


def call(kind, obj, what, args):
    """An operation (`op`: a switch point) or a question (`q`) on the judge's primitive `obj`."""
    # The hot path: me(), learner_line() and news(), inline.
    rec = BY_IDENT.get(_get_ident())
    if rec is None or rec.run != RUN.number:
        rec = me()
    if kind == 'op':
        rec.clock_reads = 0
    # The learner's frame: its globals are the module's (reading f_code is audited: once only).
    f = _getframe(2)
    g = LEARNER_GLOBALS[0]
    while f is not None and (f.f_globals is not g or f.f_code.co_filename != LEARNER):
        f = f.f_back
    run = RUN
    n = run.news
    if n:
        run.news = []
    else:
        n = 0
    _set_clock(CLOCK, 0, 0.0)
    _send([n, kind, f.f_lineno if f is not None else 0, obj, what, args])
    reply = _await(rec)
    if reply[1] == 'ok':
        return reply[2]
    _raise(reply)


def new_object(kind, *args):
    RUN.next_obj += 1
    oid = RUN.next_obj
    RUN.news.append([oid, kind, *args])
    return oid


def name_part(oid, name):
    """The object `oid` is the part `name` of a library object (a queue's `mutex`): for traces."""
    RUN.news.append([oid, 'Part', name])


# Integers JSON carries exactly both ways (a JavaScript number is a double).
_SAFE_INT = 2 ** 53 - 1


_ADDRESS = re.compile(r' at 0x[0-9a-fA-F]+')


def handle(value):
    """A value for the judge: plain data as it is, anything else as a handle only Python reads.
    A float is a handle too (JSON would bring 1.0 back as 1, and -0.0 as 0; inf is no JSON), and
    so is an int a double cannot hold: what a queue gives back is the object put, as CPython's."""
    t = type(value)
    if value is None or t is str or t is bool or (t is int and -_SAFE_INT <= value <= _SAFE_INT):
        return value
    RUN.next_handle += 1
    h = RUN.next_handle
    RUN.handles[h] = value
    try:
        # Without the address (`<function f at 0x7f…>`): the same run shows the same trace.
        r = _ADDRESS.sub('', repr(value))
        if len(r) > 60:
            r = r[:59] + '\u2026'
    except BaseException:
        r = '<object>'
    return {'h': h, 'r': r}


def unhandle(value):
    if type(value) is dict and 'h' in value:
        return RUN.handles.pop(value['h'], None)
    return value


def peek(value):
    """What `unhandle` gives, leaving the handle in place (a read-only look at a queue's items)."""
    if type(value) is dict and 'h' in value:
        return RUN.handles.get(value['h'])
    return value


def callback(index, args):
    rec = me()
    run = RUN
    if index in run.quiet:
        run.pending.append([index, [plain(a) for a in args], learner_line(3)])
        return None
    reply = exchange(rec, [news(), 'cb', learner_line(3), index, [plain(a) for a in args]])
    if reply[1] == 'ok':
        if len(reply) > 3 and reply[3] is True:
            run.quiet.add(index)
        return reply[2]
    _raise(reply)


def plain(v, depth=0):
    """A value the judge can read as data (what a method returns, what a print is given)."""
    t = type(v)
    if v is None or t in (str, int, bool):
        return v
    if t is float:
        return v if v == v and v not in (float('inf'), float('-inf')) else repr(v)
    if depth > 20:
        raise ValueError('the value is nested more than 20 levels deep')
    if t in (list, tuple):
        if len(v) > 100000:
            raise ValueError('the value has more than 100000 elements')
        return [plain(x, depth + 1) for x in v]
    if t is dict:
        return {str(k): plain(x, depth + 1) for k, x in v.items()}
    return FIXED[0].scrub(repr(v)[:200])


class Output:
    """sys.stdout and sys.stderr of learner code: counted against the output limit, never judged."""

    def __init__(self, name):
        self.name = name

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError('write() argument must be str, not ' + type(s).__name__)
        run = RUN
        run.output += len(s)
        if run.output > OUTPUT_LIMIT:
            rec = BY_IDENT.get(_thread.get_ident())
            if rec is not None:
                exchange(rec, [news(), 'ole', learner_line(2), OUTPUT_LIMIT])
            raise _Abandoned()
        if run.tracing:
            text = run.out_line + s
            lines = text.split('\n')
            run.out_line = lines.pop()
            rec = BY_IDENT.get(_thread.get_ident())
            for line in lines:
                if rec is not None:
                    # One character more than the trace shows, so that the judge knows to mark the cut.
                    exchange(rec, [news(), 'out', learner_line(2), self.name, FIXED[0].scrub(line[:201])])
        return len(s)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    @property
    def encoding(self):
        return 'utf-8'


# ----- threads ---------------------------------------------------------------------------------

class _Quitter:
    def __repr__(self):
        return 'Use exit() or Ctrl-D (i.e. EOF) to exit'

    def __call__(self, code=None):
        raise SystemExit(code)


def _describe(e):
    try:
        name = type(e).__name__
    except BaseException:
        name = 'BaseException'
    try:
        text = FIXED[0].scrub(str(e))
    except BaseException:
        text = '<the exception could not be turned into text>'
    return name, text[:2000]


def _frames(tb):
    out = []
    while tb is not None:
        code = tb.tb_frame.f_code
        if code.co_filename == LEARNER:
            out.append([tb.tb_lineno, code.co_name])
        tb = tb.tb_next
    return out[-20:]


def exception_report(e, where):
    if isinstance(e, _Abandoned):
        return None
    name, text = _describe(e)
    frames = _frames(e.__traceback__)
    line = frames[-1][0] if frames else 0
    return [news(), 'exc', line, name, text, frames, where]


def _worker(rec):
    rec.ident = _thread.get_ident()
    BY_IDENT[rec.ident] = rec
    NATIVE[rec.ident] = _thread.get_native_id()
    _step_begin()
    msg = rec.inbox
    rec.inbox = None
    while True:
        rec.idle = False
        kind = msg[1]
        try:
            if kind == 'call':
                out = _call(rec, msg)
            elif kind == 'start':
                out = _start(rec, msg)
            else:
                out = [news(), 'bad', 0, 'a thread got ' + str(kind)]
        except _Abandoned:
            # A run that is over: this thread waits for a new life (it never runs the old code again).
            out = None
        if out is None:
            rec.run = -1
            PARKED[0] += 1
            _step_end()
            rec.gate.acquire()
            msg = rec.inbox
            continue
        rec.idle = True
        msg = exchange(rec, out)


def _call(rec, msg):
    bind_thread = SHIMS[0].bind_thread
    _, _, name, method, args = msg
    bind_thread(rec, name)
    try:
        fn = getattr(RUN.instance, method)
        value = fn(*[_arg(a) for a in args])
        return [news(), 'ret', 0, plain(value)]
    except BaseException as e:  # every failure is reported: the judge decides what it means
        return exception_report(e, method)


def _start(rec, msg):
    run_learner_thread = SHIMS[0].run_learner_thread
    try:
        run_learner_thread(rec, msg[2])
        return [news(), 'ret', 0, None]
    except BaseException as e:
        return exception_report(e, 'thread')


def _arg(a):
    if type(a) is dict:
        if 'cb' in a:
            index = a['cb']
            if a.get('quiet') is True:
                RUN.quiet.add(index)

            def cb(*args):
                return callback(index, args)
            cb.__name__ = a.get('name', 'callback')
            return cb
        if 'obj' in a:
            return SHIMS[0].wrap_object(a['obj'], a['type'])
        if 'svc' in a:
            return _service(a['svc'])
        if 'h' in a:
            return unhandle(a)
    return a


class Service:
    """A harness service (web-crawler's htmlParser): its methods are the judge's, by both spellings."""

    def __repr__(self):
        return '<%s>' % ', '.join(sorted(k for k in vars(self) if not k.startswith('_')))


def _service(methods):
    svc = Service()
    for name, index in methods.items():
        def method(*args, _index=index):
            return callback(_index, args)
        method.__name__ = name
        setattr(svc, name, method)
        snake = ''.join('_' + c.lower() if c.isupper() else c for c in name)
        if snake != name:
            setattr(svc, snake, method)
    return svc


# ----- the main thread: runs and instances ---------------------------------------------------

def _main():
    msg = _await(MAIN)
    while True:
        try:
            out = _command(msg)
        except _Abandoned:
            out = [news(), 'bad', 0, 'the main thread was abandoned']
        except BaseException as e:
            out = exception_report(e, 'main') or [news(), 'bad', 0, 'abandoned']
        msg = exchange(MAIN, out)


def _command(msg):
    global RUN
    kind = msg[1]
    if kind == 'source':
        return _load_source(msg[2], msg[3])
    if kind == 'run':
        # Threads of the last run that wait for their next call may serve this one (the judge
        # says which); the others stay parked where they are, never to run again.
        for tid, rec in list(RECS.items()):
            if tid != 0 and not rec.idle:
                PARKED[0] += 1
                rec.run = -1
        RECS.clear()
        RECS[0] = MAIN
        RUN = Run(RUN.number + 1, bool(msg[3]))
        RUN.watch_attributes = 'all' if len(msg) > 4 and msg[4] is True else 'unlocked'
        MAIN.run = RUN.number
        import random
        random.seed(msg[2])
        SHIMS[0].reset_run()
        FIXED[0].reset_run(msg[2])
        mod = types.ModuleType(os.path.splitext(LEARNER)[0])
        mod.__file__ = LEARNER
        mod.__builtins__ = FIXED[0].learner_builtins()
        RUN.module = mod
        LEARNER_GLOBALS[0] = mod.__dict__
        try:
            exec(CODE, mod.__dict__)
        except BaseException as e:
            return exception_report(e, 'module')
        return [news(), 'ok', 0, _exports(mod), PARKED[0], NAMES]
    if kind == 'new':
        cls = getattr(RUN.module, msg[2])
        try:
            RUN.instance = cls(*[_arg(a) for a in msg[3]])
        except BaseException as e:
            return exception_report(e, 'constructor')
        # After the constructor: what it sets up is no race (no thread has started).
        _watch_attributes(type(RUN.instance), RUN.watch_attributes == 'all')
        RUN.watching = True
        return [news(), 'ok', 0, None]
    if kind == 'read':
        watching, RUN.watching = RUN.watching, False
        try:
            value = getattr(RUN.instance, msg[2], _NOTHING)
            if value is _NOTHING:
                return [news(), 'ok', 0, None, False, True]
            # A method the instance owns (`self.first = self._first`) is called as a class's is.
            return [news(), 'ok', 0, None if callable(value) else plain(value), callable(value)]
        except BaseException as e:
            return exception_report(e, 'read')
        finally:
            RUN.watching = watching
    return [news(), 'bad', 0, 'unknown command ' + str(kind)]


# Values whose reads and writes are the races CPython has between bytecodes: plain data. A
# primitive (its own operations switch), a method or a function is not watched.
_DATA = (int, float, complex, str, bytes, bool, type(None), list, dict, set, tuple, frozenset)
# Of those, the ones changed in place (`self.buf.append(m)`): a read of one may race however
# seldom the attribute itself is assigned.
_MUTABLE = (list, dict, set)


def took(lock):
    """The running thread acquired the Lock or RLock `lock` (shims.Lock.acquire)."""
    rec = BY_IDENT.get(_get_ident())
    if rec is None:
        return
    run = RUN
    o = run.owners.get(lock)
    if o is None:
        run.owners[lock] = [rec.tid, 1]
    else:
        o[1] += 1
    run.held[rec.tid] = run.held.get(rec.tid, 0) + 1


def gave(lock):
    """`lock` was released, by its owner or (a Lock may be) another thread."""
    run = RUN
    o = run.owners.get(lock)
    if o is None:
        return
    run.held[o[0]] = run.held.get(o[0], 1) - 1
    o[1] -= 1
    if o[1] <= 0:
        del run.owners[lock]


def _holds_no_lock():
    rec = BY_IDENT.get(_get_ident())
    return rec is None or not RUN.held.get(rec.tid)


def _watch_attributes(cls, every):
    """Which reads and writes of the instance's own data attributes are switch points after them,
    shown in the trace with their value (`self.value += 1` is a read, a switch point, a write, a
    switch point: CPython may switch between the two). Installed on the learner's class, which
    this run's module made afresh.

    `every` (a problem's attributeSwitchPoints: race-counter, where that race is the lesson): each
    one. Otherwise those a thread makes while it holds no Lock or RLock, of data some thread may
    change (a list, dict or set, or a value written since threads started): code that shares data
    without a lock (`while len(self.buf) >= cap: time.sleep(0)`, then `self.buf.append(m)`) races
    in CPython, where a thread may be switched out between any two bytecodes, and is explored so;
    data kept under a lock adds no step."""
    base_get = cls.__getattribute__
    base_set = cls.__setattr__

    def __getattribute__(self, name):
        value = base_get(self, name)
        run = RUN
        if run.watching and name[:2] != '__' and isinstance(value, _DATA) and _own(self, name):
            if every or ((isinstance(value, _MUTABLE) or name in run.written) and _holds_no_lock()):
                call('op', 0, 'attr', [name, 'read', _shown(value)])
        return value

    def __setattr__(self, name, value):
        base_set(self, name, value)
        # (A property's setter is no write of its own: the attribute it sets is.)
        run = RUN
        if run.watching and name[:2] != '__' and isinstance(value, _DATA) and _own(self, name):
            run.written.add(name)
            if every or _holds_no_lock():
                call('op', 0, 'attr', [name, 'write', _shown(value)])

    # A class that refuses them (a metaclass of the learner's) keeps its own: its accesses do not switch.
    try:
        cls.__getattribute__ = __getattribute__
    except (TypeError, AttributeError):
        return
    try:
        cls.__setattr__ = __setattr__
    except (TypeError, AttributeError):
        cls.__getattribute__ = base_get


def _own(obj, name):
    try:
        return name in object.__getattribute__(obj, '__dict__')
    except AttributeError:
        return name in getattr(type(obj), '__slots__', ())


def _shown(value):
    try:
        r = repr(value)
    except BaseException:
        r = '<' + type(value).__name__ + '>'
    return r if len(r) <= 40 else r[:37] + '...'


def _exports(mod):
    """The module's classes and their methods, for the judge to check against the problem."""
    out = {}
    for name, value in list(vars(mod).items()):
        if isinstance(value, type) and getattr(value, '__module__', None) == mod.__name__:
            methods = []
            for attr in dir(value):
                if not attr.startswith('__'):
                    try:
                        if callable(getattr(value, attr)):
                            methods.append(attr)
                    except BaseException:
                        pass
            out[name] = methods
    return out


def _mentioned(code):
    """The names the code could set as an instance's attribute: every name it uses, and every
    string constant that is one (`setattr(self, 'first', f)`). An instance can own a method the
    class lacks only under one of these names; the judge checks the others before any run."""
    names, todo = set(), [code]
    while todo:
        c = todo.pop()
        names.update(c.co_names)
        for k in c.co_consts:
            if isinstance(k, types.CodeType):
                todo.append(k)
            elif type(k) is str and k.isidentifier():
                names.add(k)
    return sorted(n for n in names if not n.startswith('__'))


def _load_source(filename, source):
    global LEARNER, CODE, NAMES
    LEARNER = filename
    try:
        CODE = compile(source, filename, 'exec', dont_inherit=True)
        NAMES = _mentioned(CODE)
        SHIMS[0].use_cpython_queues(source)
        sys.argv = [filename]
        # Tracebacks learner code prints show its lines, as CPython's do (the file itself is not
        # readable here; an entry without a modification time is never checked against it).
        import linecache
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    except SyntaxError as e:
        return [0, 'ce', e.lineno or 0, type(e).__name__, e.msg or str(e), e.offset or 0, (e.text or '').rstrip('\n')]
    except (ValueError, TypeError) as e:
        return [0, 'ce', 0, type(e).__name__, str(e), 0, '']
    return [0, 'ok', 0, None]


# ----- start-up --------------------------------------------------------------------------------

def _thread_cpu(ident):
    """The CPU seconds the thread has used (Linux: the clock id of a thread of this process, as
    glibc's pthread_getcpuclockid makes it from the kernel's id; an ended thread has none)."""
    tid = NATIVE.get(ident)
    if tid is None:
        return None
    try:
        return _real_time.clock_gettime((~tid << 3) | 6)
    except OSError:
        return None


def _watchdog():
    """Stops a step that never ends, naming its line: a loop with no switch point in it, after
    the limit in the running thread's CPU time (on a loaded machine a step may wait for a core
    without using its time, and that must not change a verdict), or a thread blocked for good (a
    real lock that never comes free: its CPU time stands still), after the limit in wall time.
    Time this watchdog did not run itself (the process stopped, or starved of a core) is not
    standing still."""
    limit = float(LIMITS.get('stepSeconds', 3))
    sleep = _real_time.sleep
    unpack = struct.unpack_from
    watched = 0.0   # the step watched: when it began, as the clock says
    cpu0 = last = moved = 0.0
    awake = _monotonic()
    while True:
        sleep(0.05)
        began = unpack('d', CLOCK, 0)[0]
        now, slept = _monotonic(), awake
        awake = now
        if began <= 0:
            continue
        cpu = _thread_cpu(_running[0])
        if began != watched:
            watched, cpu0, last, moved = began, cpu, cpu, now
            continue
        if cpu != last or now - slept > 0.5:
            last, moved = cpu, now
        used = now - began if cpu is None or cpu0 is None else cpu - cpu0
        if used > limit or (now - began > limit and now - moved > 1.0):
            line = 0
            try:
                f = sys._current_frames().get(_running[0])
                while f is not None:
                    if f.f_code.co_filename == LEARNER:
                        line = f.f_lineno
                        break
                    f = f.f_back
            except BaseException:
                pass
            try:
                # The running thread's print calls not yet sent, so that what it printed is shown.
                data = (''.join(_encode([0, 'spin', line, limit, RUN.pending], 0)) + '\n').encode('utf-8', 'replace')
                os.write(OUT, data)
            finally:
                os._exit(0)


def serve(in_fd, out_fd, limits, clock, folder):
    global IN, OUT, CLOCK, LIMITS, OUTPUT_LIMIT
    IN, OUT, CLOCK, LIMITS = in_fd, out_fd, clock, limits
    MAIN.fd = in_fd
    SLOTS[0] = os.path.join(folder, 's')
    OUTPUT_LIMIT = int(limits.get('outputBytes', OUTPUT_LIMIT))
    import interleave_contain
    interleave_contain.prepare(limits)
    interleave_contain.confine(SLOTS[0])
    import interleave_shims
    interleave_shims.install()
    SHIMS[0] = interleave_shims
    import interleave_fixed
    interleave_fixed.install(interleave_shims._time, [sys.modules[m] for m in ('threading', 'queue', 'concurrent.futures')])
    FIXED[0] = interleave_fixed
    for name in ('RuntimeError', 'ValueError'):
        ERRORS[name] = getattr(builtins, name)
    ERRORS.update(interleave_shims.ERRORS)
    MAIN.ident = _thread.get_ident()
    MAIN.run = 0
    BY_IDENT[MAIN.ident] = MAIN
    NATIVE[MAIN.ident] = _thread.get_native_id()
    _thread.stack_size(int(limits.get('threadStackBytes', 1 << 20)))
    WATCHDOG[0] = _start_thread(_watchdog, ())
    sys.stdout = Output('stdout')
    sys.stderr = Output('stderr')
    # exit() and quit() as CPython's site module makes them (the runner starts without site).
    builtins.exit = builtins.quit = _Quitter()
    # The runtime's own modules are out of learner code's reach by name: importing one is refused.
    for name in interleave_contain.RUNTIME_MODULES:
        sys.modules.pop(name, None)
    # Nor found afresh by importlib.import_module (which raises no `import` audit event).
    here = os.path.dirname(os.path.realpath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.realpath(p or '.') != here]
    interleave_contain.lock_down(limits, WATCHDOG[0], SLOTS[0])
    # Last, once the runtime has what it needs of the real one: learner code's `_thread` is the
    # judge's too (a real `start_new_thread` would run learner code beside the scheduler).
    SHIMS[0].install_thread_module()
    try:
        _main()
    finally:
        os._exit(0)
