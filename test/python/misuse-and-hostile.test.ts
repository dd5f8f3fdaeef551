/**
 * Misuse fails as CPython fails it, at the learner's line; hostile files each get a clear
 * verdict, and a correct file judged after them is still accepted.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findPython } from '../../harness/loader/python/find-python';
import { formatRunResult } from '../../harness/report/console';
import { htmlPanel } from '../support/html-panel';
import { firstFailure, judgeSource, judgePy, orderedFoo, solution } from './helpers';

const fooWith = (body: string, imports = 'import threading'): string => `${imports}


class Foo:
    def __init__(self):
        self.lock = threading.Lock()

    def first(self, printFirst):
${body}
        printFirst()

    def second(self, printSecond):
        printSecond()

    def third(self, printThird):
        printThird()
`;

describe('the standard library a solution may use', () => {
  test('urllib.parse is importable (a crawler finds a URL\'s host with it)', async () => {
    const body = "        assert urlparse('http://news.yahoo.com/a').hostname == 'news.yahoo.com'";
    const source = orderedFoo(body, 'import threading\nfrom urllib.parse import urlparse');
    const r = await judgeSource('print-in-order', 'Foo.py', source, { stopAtFirstFailure: true });
    expect(r.verdict).toBe('AC');
  });
});

describe('misuse fails as CPython fails it, with the learner line', () => {
  test.each([
    ['releasing an unlocked Lock', '        self.lock.release()', 'RuntimeError: release unlocked lock'],
    ['wait without the lock', '        threading.Condition().wait()', 'RuntimeError: cannot wait on un-acquired lock'],
    ['notify without the lock', '        threading.Condition().notify()', 'RuntimeError: cannot notify on un-acquired lock'],
    ['over-releasing a BoundedSemaphore', '        threading.BoundedSemaphore(1).release()', 'ValueError: Semaphore released too many times'],
    ['releasing an RLock another thread owns', '        threading.RLock().release()', 'RuntimeError: cannot release un-acquired lock'],
  ])('%s', async (_what, body, message) => {
    const r = await judgeSource('print-in-order', 'Foo.py', fooWith(body), { stopAtFirstFailure: true });
    expect(r.verdict).toBe('RTE');
    const f = firstFailure(r)!;
    expect(f.message).toContain(message);
    expect(f.site).toEqual(expect.objectContaining({ file: 'Foo.py', line: 9 }));
    expect(f.stack).toContain('File "Foo.py", line 9, in first');
  });

  test('a syntax error is a CE at its line', async () => {
    const r = await judgeSource('print-in-order', 'Foo.py', 'class Foo:\n    def first(self, p)\n        pass\n');
    expect(r.verdict).toBe('CE');
    expect(r.error?.site?.line).toBe(2);
  });

  test('a missing method is a CE, told before any case runs', async () => {
    const r = await judgeSource('print-in-order', 'Foo.py', 'class Foo:\n    def first(self, p):\n        p()\n    def Second(self, p):\n        p()\n');
    expect(r.verdict).toBe('CE');
    expect(r.error?.message).toContain('class Foo in Foo.py has no method second(printSecond) (it has Second: name it second)');
    expect(r.cases.every((c) => c.failure === undefined)).toBe(true);
  });

  test('a loop that polls Event.is_set() without waiting is TLE at its line, within a second or two (it ran until the job\'s 100 s limit)', async () => {
    const r = await judgePy('print-in-order', solution('print-in-order', 'time_limit_exceeded/spin_on_is_set.py'), { seed: 1 });
    expect(r.verdict).toBe('TLE');
    const f = firstFailure(r)!;
    expect(f.message).toMatch(/^(second|third) asked 10,000 questions in a row \(is_set\(\) the last\) without reaching a switch point \(at spin_on_is_set\.py:(18|24)\)/);
    // The trace ends with the poll, in the thread that polled (it read `waits in the Python process`).
    const last = f.trace[f.trace.length - 1];
    expect(f.threads[last.thread]).toBe(f.message.split(' ')[0]);
    expect(last.text).toMatch(/^self\.(first|second)_done\.is_set\(\) asked 10,000 times in a row, with no switch point between/);
    expect(f.trace.some((t) => t.text.includes('the Python process'))).toBe(false);
  });

  test('a file whose class has another name is a CE that says what the file defines, in Python\'s words', async () => {
    const r = await judgeSource('print-in-order', 'Foo.py', 'class Foobar:\n    def first(self, p):\n        p()\n');
    expect(r.verdict).toBe('CE');
    expect(r.error?.message).toBe('Foo.py has no class named Foo (it defines: Foobar); define `class Foo:` at the top level of the file');
  });

  test('a method the instance owns is called as a class\'s is; one it sets to something else is a CE saying what it is', async () => {
    const owned = await judgePy('print-in-order', solution('print-in-order', 'accepted/methods_set_in_init.py'), { seed: 2 });
    expect(owned.verdict).toBe('AC');
    const source = `class Foo:
    def __init__(self):
        self.third = 5

    def first(self, p):
        p()

    def second(self, p):
        p()
`;
    const r = await judgeSource('print-in-order', 'Foo.py', source, { stopAtFirstFailure: true });
    expect(r.verdict).toBe('CE');
    expect(firstFailure(r)?.message).toContain("has no method third(printThird) (an instance's third is a number)");
  });
});

test('a traceback the solution prints shows its own frames and lines, none of the runtime\'s', async () => {
  const r = await judgeSource('print-in-order', 'Foo.py', orderedFoo(`        import traceback
        try:
            threading.Lock().release()
        except RuntimeError:
            print(traceback.format_exc())
        traceback.print_stack()`), { stopAtFirstFailure: true, schedules: 1 });
  expect(r.verdict).toBe('AC');
  const again = await judgeSource('print-in-order', 'Foo.py', orderedFoo(`        import traceback
        try:
            threading.Lock().release()
        except RuntimeError:
            print(traceback.format_exc())
        traceback.print_stack()
        raise ValueError('to see the trace')`), { stopAtFirstFailure: true });
  const notes = firstFailure(again)!.trace.filter((t) => t.kind === 'note').map((t) => t.text);
  expect(notes).toEqual([
    'print: Traceback (most recent call last):',
    'print:   File "Foo.py", line 11, in first',
    'print:     threading.Lock().release()',
    'print: RuntimeError: release unlocked lock',
    'print: ',
    'stderr:   File "Foo.py", line 14, in first',
    'stderr:     traceback.print_stack()',
  ]);
});

test('a number printed as text is a wrong answer at its line', async () => {
  const course = fs.readFileSync(solution('zero-even-odd', 'accepted/course_wait_for.py'), 'utf8');
  const r = await judgeSource('zero-even-odd', 'ZeroEvenOdd.py', course.replace('printNumber(i)\n                self.order = 0\n                self._condition.notify_all()\n\n    def odd', 'printNumber(str(i))\n                self.order = 0\n                self._condition.notify_all()\n\n    def odd'), { stopAtFirstFailure: true });
  expect([r.verdict, firstFailure(r)?.message]).toEqual(['WA', 'printNumber("2") at ZeroEvenOdd.py:23: printNumber takes an integer, not a string; write printNumber(2)']);
});

describe('hostile files get a clear verdict and leave the next judging unharmed', () => {
  test.each([
    ['sys.exit() in a thread', '        import sys\n        sys.exit(3)', 'RTE', /SystemExit/],
    ['exit() in a thread, as CPython has it', '        exit(3)', 'RTE', /first\(\) threw SystemExit: 3/],
    ['os._exit()', '        import os\n        os._exit(3)', 'RTE', /exit status 3/],
    ['fork', '        import os\n        os.fork()', 'RTE', /may not use os.fork/],
    ['os.system', "        import os\n        os.system('true')", 'RTE', /may not use os.system/],
    ['reading a reference solution', `        open(${JSON.stringify(solution('print-in-order', 'accepted/course_condition.py'))}).read()`, 'RTE', /may not read files/],
    ['writing a file', "        open('out.txt', 'w').write('x')", 'RTE', /may not write files/],
    ['a socket', '        import socket', 'RTE', /may not import socket/],
    ['a subprocess', "        import subprocess", 'RTE', /may not import subprocess/],
    ['urllib.request (urllib.parse is allowed: pure string handling)', '        import urllib.request', 'RTE', /may not import urllib.request/],
    ['a memory bomb', "        x = 'a' * (1 << 34)", 'MLE', /memory/],
    // bytes(n) is calloc'd: the address space grows without touching pages, so the limit comes
    // well within the 3 s step limit even on a machine whose page faults are slow.
    ['a memory bomb that grows', "        x = []\n        while True:\n            x.append(bytes(1 << 20))", 'MLE', /ran out of memory .*Foo\.py:11/],
    ['a recursion bomb', '        def f(n):\n            return f(n + 1)\n        f(0)', 'RTE', /RecursionError/],
    ['a print flood', "        while True:\n            print('x' * 1000)", 'OLE', /printed more than/],
    ['an endless loop with no switch point', '        while True:\n            pass', 'TLE', /without reaching a switch point/],
    ['importing the runtime to tamper with it', "        import interleave_bridge\n        interleave_bridge.RUN.instance = None", 'RTE', /may not import interleave_bridge/],
    ['the runtime through sys.modules', "        import sys\n        sys.modules['interleave_bridge'].RUN.instance = None", 'RTE', /KeyError: 'interleave_bridge'/],
    ['the runtime through importlib, which raises no import event', "        import importlib\n        importlib.import_module('interleave_bridge')", 'RTE', /ModuleNotFoundError: No module named 'interleave_bridge'/],
    [
      "writing to the judge's channel",
      "        import os\n        for fd in range(3, 12):\n            try:\n                os.write(fd, b'garbage\\n')\n            except OSError:\n                pass",
      'RTE',
      /out of step with its protocol.*must not write to the judge's channel/,
    ],
    // logging keeps the real threading (its locks stay real): a real lock is no switch point.
    ['a real lock that never comes free', '        import logging\n        l = logging.threading.Lock()\n        l.acquire()\n        l.acquire()', 'TLE', /more than 3 s at Foo\.py:12 without reaching a switch point/],
    ['a real thread, through the real threading logging keeps', '        import logging\n        logging.threading.Thread(target=print).start()', 'RTE', /may not start a thread outside the judge.*Foo\.py:10/],
    ['a real thread, through the real _thread dataclasses keeps', "        import dataclasses\n        dataclasses._thread.start_new_thread(print, ())", 'RTE', /may not start a thread outside the judge.*Foo\.py:10/],
  ])('%s', async (_what, body, verdict, message) => {
    const r = await judgeSource('print-in-order', 'Foo.py', fooWith(body), { stopAtFirstFailure: true });
    expect([r.verdict, firstFailure(r)?.message ?? r.error?.message]).toEqual([verdict, expect.stringMatching(message)]);
    const ok = await judgePy('print-in-order', solution('print-in-order', 'accepted/course_condition.py'), { schedules: 20 });
    expect(ok.verdict).toBe('AC');
  }, 60_000);

  test('a loop with no switch point is shown as found, not replayed (a replay would spin as long again)', async () => {
    const r = await judgeSource('print-in-order', 'Foo.py', fooWith('        while True:\n            pass'), { stopAtFirstFailure: true });
    expect(r.verdict).toBe('TLE');
    const f = firstFailure(r)!;
    expect(f.message).toMatch(/^first ran for more than 3 s at Foo\.py:9 without reaching a switch point/);
    expect(f.replayed).toBe(false);
    expect(formatRunResult(r, { color: false, width: 120 })).toContain('no trace (a clock stopped the run');
    const panel = htmlPanel(r, { title: 'Print in Order', className: 'Foo' });
    const failure = panel.slice(panel.indexOf('<section class="failure"'));
    expect(failure).toContain('no trace (a clock stopped the run');
    // No empty trace table: the message names the line.
    expect(failure).not.toContain('<table');
  }, 60_000);

  test('a recursion bomb past a raised recursion limit is stopped (time or memory), never a judge error', async () => {
    const body = '        import sys\n        sys.setrecursionlimit(10 ** 7)\n        def f(n):\n            return f(n + 1) + 1\n        f(0)';
    const r = await judgeSource('print-in-order', 'Foo.py', fooWith(body), { stopAtFirstFailure: true });
    expect(['TLE', 'MLE', 'RTE']).toContain(r.verdict);
    expect(firstFailure(r)?.message).toMatch(/switch point|memory|SIGSEGV|RecursionError/);
    const ok = await judgePy('print-in-order', solution('print-in-order', 'accepted/course_condition.py'), { schedules: 20 });
    expect(ok.verdict).toBe('AC');
  }, 60_000);

  test('sys.exit() at import is a run-time error of loading the file', async () => {
    const r = await judgeSource('print-in-order', 'Foo.py', 'import sys\nsys.exit(0)\n');
    expect(r.verdict).toBe('RTE');
    expect(r.error?.message ?? firstFailure(r)?.message).toMatch(/loading Foo\.py threw SystemExit/);
  }, 60_000);

  test('an endless loop at import is stopped', async () => {
    const r = await judgeSource('print-in-order', 'Foo.py', 'while True:\n    pass\n');
    expect(['TLE', 'RTE']).toContain(r.verdict);
    expect(r.error?.message ?? firstFailure(r)?.message).toMatch(/switch point/);
  }, 60_000);
});

// Where Landlock does not scope signals (before ABI 6: Ubuntu 24.04's kernel), a runner under the
// grader's user could stop the grader, or take its descriptors with pidfd_getfd: the filter alone refuses.
(process.arch === 'x64' ? test : test.skip)("the seccomp filter alone lets a signal reach this process only, and no other process's descriptors", () => {
  const runtime = path.join(__dirname, '../../harness/loader/python/runtime');
  const script = [
    'import sys, os, ctypes, signal, threading',
    `sys.path.insert(0, ${JSON.stringify(runtime)})`,
    'import interleave_contain as c',
    'out = [str(c._seccomp(ctypes, ctypes.CDLL(None, use_errno=True)))]',
    'for attempt in (lambda: os.kill(os.getppid(), 0), lambda: os.kill(-os.getpgid(0), 0), lambda: os.pidfd_open(os.getppid()), lambda: os.kill(os.getpid(), 0), lambda: signal.pthread_kill(threading.get_ident(), 0)):',
    '    try:',
    '        attempt()',
    "        out.append('sent')",
    '    except OSError as e:',
    '        out.append(e.strerror)',
    "print(' | '.join(out))",
  ].join('\n');
  const r = spawnSync(findPython().executable, ['-S', '-c', script], { encoding: 'utf8' });
  const no = 'Operation not permitted';
  expect(r.stdout.trim()).toBe(`True | ${no} | ${no} | ${no} | sent | sent`);
});

/**
 * A file that gets past the audit hook (a refused call's traceback holds the hook's frame: it
 * rebinds the hook's `os` and `realpath`) and then reads and empties a file of the grader's, as a
 * red team's did to other students' submissions and the journal. The kernel (Landlock) refuses.
 */
const landlock = findPython().landlock;
(landlock > 0 ? describe : describe.skip)(`the kernel confines the runner (Landlock ABI ${landlock})`, () => {
  let dir: string;
  let canary: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interleave-canary-'));
    canary = path.join(dir, 'canary.txt');
    fs.writeFileSync(canary, 'still here\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const unhook = `import os, types


def unhook():
    try:
        os.listdir('/nonexistent')
    except BaseException as e:
        f = e.__traceback__.tb_next.tb_frame
        f.f_globals['os'] = types.SimpleNamespace(O_WRONLY=0, O_RDWR=0, O_CREAT=0, O_APPEND=0, O_TRUNC=0, fsdecode=os.fsdecode, path=os.path)
        stdlib = f.f_locals['readable'][0]
        ns = {}
        exec('def rp(p, *a, **k):\\n    return %r\\n' % (stdlib + 'x'), ns)
        f.f_locals['realpath'].__code__ = ns['rp'].__code__


unhook()
`;

  // Code past the hook could import socket; a Unix socket on the file system (a Docker daemon's)
  // is reached by connect(), which Landlock does not check: the seccomp filter refuses socket().
  test("what the runner confines itself with refuses sockets to every thread, processes, programs, scheduling others, raising its own limits, changing its user and a file's metadata, and ctypes is gone after", () => {
    const runtime = path.join(__dirname, '../../harness/loader/python/runtime');
    const script = [
      'import sys, os, socket, threading',
      `sys.path.insert(0, ${JSON.stringify(runtime)})`,
      'import interleave_contain as c',
      'import resource',
      'resource.setrlimit(resource.RLIMIT_CPU, (600, 600))',   // as prepare() sets the limits, before confine()
      `c.confine(${JSON.stringify(path.join(dir, 's'))})`,
      'out = [str(c.LANDLOCK[0]), str(c.SECCOMP[0]), str("ctypes" in sys.modules), str(c.CAPABILITIES[0])]',
      'def try_socket():',
      '    try:',
      '        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)',
      "        out.append('made')",
      '    except OSError as e:',
      '        out.append(e.strerror)',
      'try_socket()',
      'threading.Thread(target=try_socket).start()',
      'import time; time.sleep(0.2)',
      // A red team's child that never exec'd outlived its job; its scheduling calls put the grader at the idle class.
      // Without the filter (not x86-64) a fork would succeed and two processes print: not tried.
      'for attempt in (os.fork, lambda: os.setpriority(os.PRIO_PROCESS, os.getppid(), 19), lambda: os.execv("/bin/true", ["true"])) if c.SECCOMP[0] is True else ():',
      '    try:',
      '        attempt()',
      "        out.append('done')",
      '    except OSError as e:',
      '        out.append(e.strerror)',
      // With root's capabilities (CAP_SYS_RESOURCE, CAP_SETUID) a hard limit set before learner code could be raised, and the user changed.
      'for attempt in (lambda: resource.setrlimit(resource.RLIMIT_CPU, (600, 1200)), lambda: os.setuid(12345)):',
      '    try:',
      '        attempt()',
      "        out.append('done')",
      '    except (OSError, ValueError) as e:',
      "        out.append(type(e).__name__)",
      // Landlock does not check a file's metadata: with chmod 0 a file past the hook could make another
      // student's submission unreadable to a grader run as an ordinary user.
      `canary = ${JSON.stringify(canary)}`,
      "for attempt in (lambda: os.chmod(canary, 0), lambda: os.utime(canary, (0, 0)), lambda: os.setxattr(canary, 'user.planted', b'1')) if c.SECCOMP[0] is True else ():",
      '    try:',
      '        attempt()',
      "        out.append('done')",
      '    except OSError as e:',
      '        out.append(e.strerror)',
      "print(' | '.join(out))",
    ].join('\n');
    const before = fs.statSync(canary);
    const r = spawnSync(findPython().executable, ['-S', '-c', script], { encoding: 'utf8' });
    const after = fs.statSync(canary);
    expect([after.mode, after.mtimeMs]).toEqual([before.mode, before.mtimeMs]);
    // The filter's syscall numbers are x86-64's: elsewhere it is not set, and says so.
    const no = 'Operation not permitted';
    const capabilities = 'ValueError | PermissionError';
    const refused = process.arch === 'x64'
      ? `True | False | True | ${no} | ${no} | ${no} | ${no} | ${no} | ${capabilities} | ${no} | ${no} | ${no}`
      : `False | False | True | made | made | ${capabilities}`;
    expect(r.stdout.trim()).toBe(`${landlock} | ${refused}`);
  });

  test.each([
    ['reads it', (c: string) => `open(${JSON.stringify(c)}).read()`],
    ['empties it', (c: string) => `os.close(os.open(${JSON.stringify(c)}, os.O_WRONLY | os.O_TRUNC))`],
    ['creates a file beside it', (c: string) => `os.close(os.open(${JSON.stringify(path.join(path.dirname(c), 'planted.txt'))}, os.O_WRONLY | os.O_CREAT, 0o644))`],
    ["reads the grader's command line", () => "open('/proc/%d/cmdline' % os.getppid(), 'rb').read()"],
  ])('a file past the audit hook that %s gets PermissionError from the kernel, and the file is untouched', async (_what, act) => {
    await expectRefused(act, /PermissionError: \[Errno 13\] Permission denied/);
  }, 60_000);

  async function expectRefused(act: (canary: string) => string, message: RegExp): Promise<void> {
    const before = fs.statSync(canary);
    const source = orderedFoo(`        ${act(canary)}`, `import threading\n${unhook}`);
    const r = await judgeSource('print-in-order', 'Foo.py', source, { stopAtFirstFailure: true });
    expect([r.verdict, firstFailure(r)?.message]).toEqual(['RTE', expect.stringMatching(message)]);
    expect(fs.readFileSync(canary, 'utf8')).toBe('still here\n');
    expect(fs.readdirSync(dir)).toEqual(['canary.txt']);
    const after = fs.statSync(canary);
    expect([after.mode, after.mtimeMs]).toEqual([before.mode, before.mtimeMs]);
  }
});
