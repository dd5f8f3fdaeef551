"""
Containment of learner code inside the runner. The kernel's part, which nothing in the process can
undo: Landlock (Linux 5.13 and later, no privileges needed) lets the runner read only the standard
library and its own thread FIFOs, and nothing else: no file written, created, truncated or removed,
no other file read (another student's, the grader's, /proc), no program run, no TCP, and where
the kernel has them (6.12 and later) no signal to a process outside and no abstract Unix socket;
a seccomp filter (x86-64) refuses every socket (so no Unix socket on the file system either),
processes, programs and changes to any file's mode, owner, times or attributes (which Landlock does
not check); and every capability is dropped, root's included. CPython's part:
resource limits (memory, CPU, file size, open files), the standard modules a solution may use
imported before learner code, and an audit hook (PEP 578) that refuses processes, signals,
sockets, native code, writes and reads outside the standard library, with messages a learner can
act on. Python has no boundary inside a process: code that tampers with this module's objects
(a refused call's traceback holds the hook's frame) gets past the hook, and can forge what the
runner reports about its own run (the README's threat model says so); the verdict is still decided
by the judge, outside this process, and the kernel still refuses.
"""
import os
import resource
import sys

# What a solution may import, imported now (with the real threading) so that the judge's switch
# points are only the learner's own operations: logging's locks, for one, stay real locks.
PRELOAD = (
    'logging', 'random', 'collections', 'collections.abc', 'dataclasses', 'functools', 'itertools',
    'heapq', 'bisect', 'math', 'typing', 'enum', 'copy', 'string', 're', 'operator', 'contextlib',
    'abc', 'weakref', 'traceback', 'fractions', 'decimal', 'statistics', 'datetime', 'array',
    'urllib.parse',
)

# The runner's own modules: taken out of sys.modules before learner code runs, and not importable.
RUNTIME_MODULES = ('interleave_bridge', 'interleave_shims', 'interleave_futures', 'interleave_contain', 'interleave_fixed', 'interleave_runner')

REFUSED_MODULES = {
    'ctypes', '_ctypes', 'subprocess', '_posixsubprocess', 'multiprocessing', '_multiprocessing',
    'socket', '_socket', 'ssl', '_ssl', 'select', 'selectors', 'asyncio', 'signal', 'pty', 'fcntl',
    'resource', 'mmap', 'urllib', 'http', 'ftplib', 'smtplib', 'telnetlib', 'xmlrpc', 'webbrowser',
    'pdb', 'code', 'gc', 'faulthandler', 'tracemalloc', 'cffi', 'posix_spawn', 'sysconfig',
}

# Pure string handling inside a refused family (web-crawler's hostname): importable, and preloaded
# (learner code may not list the standard library's folders, so only preloaded modules are found).
ALLOWED_MODULES = {'urllib', 'urllib.parse'}

# Audited events a solution may not cause: whole families by their module, and single events.
REFUSED_FAMILIES = {
    'subprocess', 'socket', 'signal', 'ctypes', 'shutil', 'pty', 'mmap', 'winreg', 'fcntl', 'resource',
}
REFUSED_EVENTS = {
    'os.fork', 'os.forkpty', 'os.exec', 'os.posix_spawn', 'os.spawn', 'os.system', 'os.startfile',
    'os.kill', 'os.killpg', 'os.remove', 'os.unlink', 'os.rename', 'os.replace', 'os.rmdir', 'os.mkdir',
    'os.chmod', 'os.chown', 'os.link', 'os.symlink', 'os.truncate', 'os.utime', 'os.chdir', 'os.chroot',
    'os.putenv', 'os.unsetenv', 'os.setxattr', 'os.removexattr', 'os.mkfifo', 'os.mknod', 'os.setuid',
    'os.setgid', 'os.fchmod', 'os.fchown', 'os.lchown', 'os.listdrives', 'os.scandir', 'os.listdir',
    'os.walk', 'glob.glob', 'os.add_dll_directory', 'gc.get_objects', 'gc.get_referrers',
    'gc.get_referents', 'sys.addaudithook', 'sys.settrace', 'sys.setprofile', 'sys._current_frames',
    'sys.remote_exec', 'cpython.run_command', 'cpython.run_file', 'cpython.run_module', 'code.__new__',
    'sys.excepthook', 'os.system', 'os.kill', 'signal.pthread_kill',
}
# What the judge's own shims cause at every operation: answered first, at no cost.
HARMLESS = {'sys._getframe', 'exec', 'compile', 'object.__getattr__', 'object.__setattr__', 'object.__delattr__'}


class Refused(PermissionError):
    pass


def prepare(limits):
    """Limits and preloads: before any shim is installed and before any learner code."""
    mb = 1 << 20
    memory = int(limits.get('memoryMb', 256)) + int(limits.get('headroomMb', 400))
    _limit(resource.RLIMIT_AS, memory * mb)
    cpu = int(limits.get('cpuSeconds', 120))
    _limit(resource.RLIMIT_CPU, cpu)
    _limit(resource.RLIMIT_FSIZE, 0)
    _limit(resource.RLIMIT_CORE, 0)
    # A file descriptor for each thread's slot FIFO, and a few for the interpreter.
    _limit(resource.RLIMIT_NOFILE, int(limits.get('maxThreads', 1000)) + 64)
    for name in PRELOAD:
        try:
            __import__(name)
        except ImportError:
            pass
    REAL_THREADING[0] = sys.modules.get('threading')


def _limit(which, value):
    try:
        _soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY and hard < value:
            value = hard
        resource.setrlimit(which, (value, value if hard == resource.RLIM_INFINITY or hard >= value else hard))
    except (ValueError, OSError):
        pass


def confine(slots):
    """
    The kernel's confinement: call while this process has one thread, before any other starts
    (both hold for the calling thread and the threads it starts, never for one already running).
    Capabilities: every one the grader's user had is dropped for good (root's included), so that
    code past the hook cannot raise its own limits, change its user or override a file's mode.
    Landlock: from then on the process reads the standard library, the runtime and its thread FIFOs
    (`<slots><n>`), and nothing else. seccomp: it makes no socket (a Unix socket on the file system,
    a Docker daemon's say, is reached by connect(), which Landlock does not check) and no io_uring
    (which makes sockets without the socket() call). ctypes is used here, before learner code, and
    taken out of sys.modules after (learner code may not import it: the audit hook refuses).
    """
    before = set(sys.modules)
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.syscall.restype = ctypes.c_long
        CAPABILITIES[0] = _drop_capabilities(ctypes, libc)
        LANDLOCK[0] = _landlock(ctypes, libc, [os.path.realpath(p) for p in _stdlib_dirs()] + [os.path.dirname(os.path.realpath(slots))])
        SECCOMP[0] = _seccomp(ctypes, libc)
    except Exception as e:  # no ctypes on this Python: the hook still refuses, with less behind it
        CAPABILITIES[0] = LANDLOCK[0] = SECCOMP[0] = 'ctypes: ' + repr(e)
    finally:
        for name in set(sys.modules) - before:
            if name.split('.')[0] in ('ctypes', '_ctypes', 'struct', '_struct'):
                sys.modules.pop(name, None)


def lock_down(limits, watchdog_ident, slots):
    """
    Installs the audit hook: from now on, learner code may only compute and use the shims. The
    runner itself may open its slot FIFOs (`<slots><n>`) for reading, to start threads.
    """
    import _thread
    get_ident = _thread.get_ident
    readable = tuple(os.path.realpath(p) + os.sep for p in _stdlib_dirs())
    refused_modules = frozenset(REFUSED_MODULES) | frozenset(RUNTIME_MODULES)
    refused_events = frozenset(REFUSED_EVENTS)
    allowed_modules = frozenset(ALLOWED_MODULES)
    refused_families = frozenset(REFUSED_FAMILIES)
    harmless = frozenset(HARMLESS)
    realpath = os.path.realpath

    def hook(event, args):
        if event in harmless:
            return
        if event == 'open':
            path, mode = args[0], args[1]
            if isinstance(path, int):
                raise Refused('interleave: a solution may not open file descriptors')
            writing = (mode is not None and any(c in str(mode) for c in 'wax+')) or (
                isinstance(args[2], int) and args[2] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC))
            if writing:
                raise Refused('interleave: a solution may not write files')
            if isinstance(path, str) and path.startswith(slots) and path[len(slots):].isdigit():
                return
            try:
                p = realpath(os.fsdecode(path))
            except BaseException:
                raise Refused('interleave: a solution may not open this file')
            if not p.startswith(readable):
                raise Refused('interleave: a solution may not read files (' + os.path.basename(p) + ')')
            return
        if event == 'import':
            name = args[0]
            if name is not None and name not in allowed_modules and name.split('.')[0] in refused_modules:
                raise Refused('interleave: a solution may not import ' + name)
            return
        if event in refused_events or event.split('.', 1)[0] in refused_families:
            if event == 'sys._current_frames' and get_ident() == watchdog_ident:
                return
            raise Refused('interleave: a solution may not use ' + event)

    sys.addaudithook(hook)
    _refuse_real_threads()


def _refuse_real_threads():
    """
    No real thread for learner code: the real `threading` (logging's, `logging.threading`) and
    `_thread` (dataclasses', tempfile's) stay reachable through preloaded modules, and a thread
    they start would run beside the scheduler, so a verdict would depend on the machine's timing.
    No audit event covers starting a thread (3.11), so the functions themselves refuse, from now
    on; the runtime took its own reference before (interleave_bridge._start_thread).
    """
    import _thread

    def refused(*args, **kwargs):
        raise Refused('interleave: a solution may not start a thread outside the judge: use threading.Thread')

    for name in ('start_new_thread', 'start_new', 'start_joinable_thread', 'interrupt_main'):
        if hasattr(_thread, name):
            setattr(_thread, name, refused)
    real = REAL_THREADING[0]
    for name in ('_start_new_thread', '_start_joinable_thread', '_interrupt_main'):
        if real is not None and hasattr(real, name):
            setattr(real, name, refused)


# Whether the runner's capabilities were dropped (True), or why not.
CAPABILITIES = [False]
# The Landlock ABI the runner is confined with (0: none, the kernel has no Landlock), or why not.
LANDLOCK = [0]
# Whether the seccomp filter holds (False: not on this architecture), or why it failed.
SECCOMP = [False]

# Landlock's rights on files (linux/landlock.h), by the ABI that brought them.
_FS_RIGHTS = {1: (1 << 13) - 1, 2: (1 << 14) - 1, 3: (1 << 15) - 1, 4: (1 << 15) - 1, 5: (1 << 16) - 1}
_READ_FILE, _READ_DIR = 1 << 2, 1 << 3
_NET_TCP = 0b11          # bind and connect (ABI 4)
_SCOPES = 0b11           # abstract Unix sockets and signals (ABI 6)
_SYS_CREATE, _SYS_ADD_RULE, _SYS_RESTRICT = 444, 445, 446   # the same number on every architecture
_PR_SET_NO_NEW_PRIVS = 38


_PR_CAPBSET_DROP, _PR_CAP_AMBIENT, _PR_CAP_AMBIENT_CLEAR_ALL = 24, 47, 4
_CAPABILITY_VERSION_3 = 0x20080522


def _drop_capabilities(ctypes, libc):
    """
    Drops every capability of this process and the threads it starts from now on: the bounding and
    ambient sets (nothing can be gained back), then the effective, permitted and inheritable sets.
    A grader run as root keeps uid 0, so its FIFOs and the standard library stay readable as they
    were, but without CAP_SYS_RESOURCE, CAP_SETUID, CAP_DAC_OVERRIDE and the rest, code past the
    hook can no longer raise the hard limits set in prepare(), become another user or ignore a
    file's mode. For a grader without capabilities, nothing changes. Returns True, or why not.
    """
    import struct
    try:
        with open('/proc/sys/kernel/cap_last_cap') as f:
            last = int(f.read())
    except (OSError, ValueError):
        last = 40
    libc.prctl(_PR_CAP_AMBIENT, _PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)
    for cap in range(last + 1):
        libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0)   # EPERM without CAP_SETPCAP: then none to drop
    header = ctypes.create_string_buffer(struct.pack('=Ii', _CAPABILITY_VERSION_3, 0), 8)
    data = ctypes.create_string_buffer(bytes(24), 24)   # two sets of (effective, permitted, inheritable)
    if libc.capset(header, data) != 0:
        return 'capset: ' + os.strerror(ctypes.get_errno())
    return True


def _landlock(ctypes, libc, readable):
    """
    Confines this process and every thread it starts from now on: `readable` (folders) may be
    read, and nothing else may be touched. Returns the ABI it used (0 when the kernel has no
    Landlock), or a string saying why it failed.
    """
    import struct
    syscall = libc.syscall
    abi = syscall(ctypes.c_long(_SYS_CREATE), None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    if abi < 1:
        return 0
    fs = _FS_RIGHTS[min(abi, 5)]
    attr = struct.pack('QQQ', fs, _NET_TCP if abi >= 4 else 0, _SCOPES if abi >= 6 else 0)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    buf = ctypes.create_string_buffer(attr[:size], size)
    ruleset = syscall(ctypes.c_long(_SYS_CREATE), buf, ctypes.c_size_t(size), ctypes.c_uint32(0))
    if ruleset < 0:
        return 'landlock_create_ruleset: ' + os.strerror(ctypes.get_errno())
    try:
        for folder in readable:
            fd = os.open(folder, os.O_PATH | os.O_CLOEXEC)
            try:
                rule = ctypes.create_string_buffer(struct.pack('=Qi', _READ_FILE | _READ_DIR, fd), 12)
                if syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset), ctypes.c_int(1), rule, ctypes.c_uint32(0)) != 0:
                    return 'landlock_add_rule ' + folder + ': ' + os.strerror(ctypes.get_errno())
            finally:
                os.close(fd)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return 'prctl(PR_SET_NO_NEW_PRIVS): ' + os.strerror(ctypes.get_errno())
        if syscall(ctypes.c_long(_SYS_RESTRICT), ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return 'landlock_restrict_self: ' + os.strerror(ctypes.get_errno())
    finally:
        os.close(ruleset)
    return abi


# seccomp (linux/seccomp.h, linux/filter.h), for x86-64: the syscalls refused, with EPERM. None is
# one the runner needs once confined; each is a way out a red team took or could take past Landlock:
# processes (fork, and clone without CLONE_THREAD: a child that never execs outlived its job),
# programs (exec of code written to SysV shared memory, whose mount Landlock does not check), the
# host's IPC objects, sockets (a Unix socket on the file system), scheduling other processes (it
# set the grader's to the idle class), a file's metadata, and what root could do to the machine.
_AUDIT_ARCH_X86_64 = 0xC000003E
_X32_BIT = 0x40000000
_CLONE, _CLONE3, _CLONE_THREAD = 56, 435, 0x00010000
_REFUSED_SYSCALLS = {
    'socket': 41, 'socketpair': 53, 'io_uring_setup': 425,
    'fork': 57, 'vfork': 58, 'execve': 59, 'execveat': 322,
    'shmget': 29, 'shmat': 30, 'shmctl': 31, 'semget': 64, 'msgget': 68, 'memfd_create': 319, 'memfd_secret': 447,
    'setpriority': 141, 'sched_setparam': 142, 'sched_setscheduler': 144, 'sched_setaffinity': 203,
    'sched_setattr': 314, 'ioprio_set': 251,
    'ptrace': 101, 'process_vm_readv': 310, 'process_vm_writev': 311, 'userfaultfd': 323,
    'unshare': 272, 'setns': 308, 'mount': 165, 'umount2': 166, 'pivot_root': 155, 'chroot': 161,
    'init_module': 175, 'finit_module': 313, 'delete_module': 176, 'kexec_load': 246, 'kexec_file_load': 320,
    'reboot': 169, 'bpf': 321, 'perf_event_open': 298, 'keyctl': 250, 'add_key': 248, 'request_key': 249,
    'name_to_handle_at': 303, 'open_by_handle_at': 304, 'personality': 135, 'acct': 163, 'swapon': 167,
    'swapoff': 168, 'sethostname': 170, 'setdomainname': 171, 'settimeofday': 164, 'clock_settime': 227,
    'adjtimex': 159, 'clock_adjtime': 305,
    # A file's mode, owner, times and attributes, which Landlock does not check: a file past the hook
    # made another student's submission unreadable to a grader run as an ordinary user (chmod 0).
    'chmod': 90, 'fchmod': 91, 'fchmodat': 268, 'fchmodat2': 452, 'chown': 92, 'fchown': 93,
    'lchown': 94, 'fchownat': 260, 'utime': 132, 'utimes': 235, 'futimesat': 261, 'utimensat': 280,
    'setxattr': 188, 'lsetxattr': 189, 'fsetxattr': 190, 'setxattrat': 463, 'removexattr': 197,
    'lremovexattr': 198, 'fremovexattr': 199, 'removexattrat': 466,
    # Another process's descriptors and memory (pidfd_getfd took the grader's under the same user).
    'pidfd_open': 434, 'pidfd_getfd': 438, 'pidfd_send_signal': 424, 'process_madvise': 440, 'tkill': 200,
}
# Signals: to this process only. Under the grader's user, a runner could otherwise stop the grader
# where Landlock does not scope signals (before ABI 6, Linux 6.12: Ubuntu 24.04's 6.8, say).
_SIGNAL_SYSCALLS = {'kill': 62, 'tgkill': 234, 'rt_sigqueueinfo': 129, 'rt_tgsigqueueinfo': 297}
_BPF_LD_W_ABS, _BPF_JEQ_K, _BPF_JGE_K, _BPF_JSET_K, _BPF_RET_K = 0x20, 0x15, 0x35, 0x45, 0x06
_RET_ALLOW, _RET_EPERM, _RET_ENOSYS = 0x7FFF0000, 0x00050000 | 1, 0x00050000 | 38
_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER = 22, 2


def _seccomp(ctypes, libc):
    """
    Refuses the syscalls above to this thread and the threads it starts from now on (EPERM); clone()
    only makes threads, and clone3() says it does not exist, so that glibc makes threads with
    clone(), whose flags a filter can read; a signal goes to this process only. Returns True, False where the machine is not x86-64
    (the numbers differ), or a string saying why it failed.
    """
    import struct
    if os.uname().machine != 'x86_64':
        return False
    # (code, jump-if-true label, jump-if-false label, k): labels are resolved to offsets below.
    prog = [
        ('ld', None, None, 4),                          # the syscall's architecture
        ('jeq', 'native', 'deny', _AUDIT_ARCH_X86_64),  # another (i386 from x86-64): refused
        ('native', None, None, None),
        ('ld', None, None, 0),                          # the syscall's number
        ('jge', 'deny', None, _X32_BIT),                # the x32 numbers: refused
        ('jeq', 'nosys', None, _CLONE3),
        ('jeq', 'clone', None, _CLONE),
    ] + [('jeq', 'signal', None, nr) for nr in _SIGNAL_SYSCALLS.values()] + [
    ] + [('jeq', 'deny', None, nr) for nr in _REFUSED_SYSCALLS.values()] + [
        ('ret', None, None, _RET_ALLOW),
        ('signal', None, None, None),
        ('ld', None, None, 16),                         # the target: the low half of the first argument
        ('jeq', 'own', 'deny', os.getpid()),
        ('own', None, None, None),
        ('ld', None, None, 20),                         # and its high half (a negative pid is a group)
        ('jeq', 'allow', 'deny', 0),
        ('clone', None, None, None),
        ('ld', None, None, 16),                         # clone's flags (the low half of its first argument)
        ('jset', 'allow', 'deny', _CLONE_THREAD),
        ('allow', None, None, None), ('ret', None, None, _RET_ALLOW),
        ('nosys', None, None, None), ('ret', None, None, _RET_ENOSYS),
        ('deny', None, None, None), ('ret', None, None, _RET_EPERM),
    ]
    labels, code = {}, []
    for ins in prog:
        if ins[3] is None:
            labels[ins[0]] = len(code)
        else:
            code.append(ins)
    ops = {'ld': _BPF_LD_W_ABS, 'jeq': _BPF_JEQ_K, 'jge': _BPF_JGE_K, 'jset': _BPF_JSET_K, 'ret': _BPF_RET_K}
    out = b''
    for i, (op, jt, jf, k) in enumerate(code):
        rel = lambda label: 0 if label is None else labels[label] - i - 1
        out += struct.pack('=HBBI', ops[op], rel(jt), rel(jf), k)
    filters = ctypes.create_string_buffer(out, len(out))
    fprog = struct.pack('=HxxxxxxQ', len(code), ctypes.addressof(filters))
    fprog_buf = ctypes.create_string_buffer(fprog, len(fprog))
    if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return 'prctl(PR_SET_NO_NEW_PRIVS): ' + os.strerror(ctypes.get_errno())
    # The pointer as a pointer: a plain int would go as a C int, cut to 32 bits.
    if libc.prctl(_PR_SET_SECCOMP, _SECCOMP_MODE_FILTER, ctypes.c_void_p(ctypes.addressof(fprog_buf)), ctypes.c_ulong(0), ctypes.c_ulong(0)) != 0:
        return 'prctl(PR_SET_SECCOMP): ' + os.strerror(ctypes.get_errno())
    return True


# The real threading module, as preloading left it (install() of the shims replaces it in sys.modules).
REAL_THREADING = [None]


def _stdlib_dirs():
    out = set()
    for p in (sys.prefix, sys.base_prefix, sys.exec_prefix):
        v = '%d.%d' % sys.version_info[:2]
        out.add(os.path.join(p, 'lib', 'python' + v))
        out.add(os.path.join(p, 'lib64', 'python' + v))
    out.add(os.path.dirname(os.__file__))
    out.add(os.path.dirname(os.path.abspath(__file__)))
    return [p for p in out if os.path.isdir(p)]
