"""
The Python side of Interleave: runs a learner's solution under the judge's scheduler.

Started by the judge (Node) as `python3 -S -s -B interleave_runner.py <dir> <limits json>`. This
process is the supervisor: it opens the two FIFOs the judge made in <dir> and forks the runner,
which sets its own limits and runs learner code. The supervisor runs no learner code. It kills the
runner when one step (learner code between two switch points) uses too much CPU time or stands
still too long, or the whole session outlives its wall clock, and when the runner ends it tells
the judge how, so the judge never waits on a dead process. Neither process decides a verdict:
they report what happened.
"""
import json
import mmap
import os
import signal
import struct
import sys
import time


TICK = os.sysconf('SC_CLK_TCK')


def _cpu_seconds(pid):
    """The CPU time process `pid` has used, from /proc (None where it cannot be read), and whether
    it is stopped (SIGSTOP: not standing still of its own)."""
    try:
        with open('/proc/%d/stat' % pid, 'rb') as f:
            fields = f.read().rsplit(b')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK, fields[0] in (b'T', b't')
    except (OSError, ValueError, IndexError):
        return None, False


def main():
    work = sys.argv[1]
    limits = json.loads(sys.argv[2])
    # Only stdio is the judge's: any other descriptor is one whoever started the grader left open
    # (a red team's runner could write to its shell's pipe).
    os.closerange(3, os.sysconf('SC_OPEN_MAX'))
    # The judge made both FIFOs and opened from-py without blocking: open ours, say ready.
    in_fd = os.open(os.path.join(work, 'to-py'), os.O_RDONLY | os.O_NONBLOCK)
    out_fd = os.open(os.path.join(work, 'from-py'), os.O_WRONLY)
    os.write(out_fd, b'ready\n')
    os.set_blocking(in_fd, True)
    # When the current step began (monotonic seconds; 0 while the runner waits for the judge).
    clock = mmap.mmap(-1, 8)
    pid = os.fork()
    if pid == 0:
        try:
            sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
            import interleave_bridge
            interleave_bridge.serve(in_fd, out_fd, limits, clock, os.path.realpath(work))
        finally:
            os._exit(70)
    os.close(in_fd)
    wall = float(limits.get('wallSeconds', 300))
    # The runner's own watchdog names the line first; this one also stops code that holds the GIL.
    # Both count CPU time (a loaded machine must not stop a step that waits for a core), and
    # stop a step that stands still (blocked for good) by the wall clock.
    step_limit = float(limits.get('stepSeconds', 3)) + 1.5
    started = time.monotonic()
    why = None
    watched = 0.0
    cpu0 = last = moved = None
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        now = time.monotonic()
        step = struct.unpack_from('d', clock, 0)[0]
        cpu, stopped = _cpu_seconds(pid)
        if step != watched:
            watched, cpu0, last, moved = step, cpu, cpu, now
        elif cpu != last or stopped:
            last, moved = cpu, now
        used = now - step if cpu is None or cpu0 is None else cpu - cpu0
        if why is None and now - started > wall:
            why = ['wall', round(now - started, 1)]
        elif why is None and step > 0 and (used > step_limit or (now - step > step_limit and now - moved > 1.5)):
            why = ['step', round(max(used, now - moved), 1)]
        if why is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.05)
    if why is not None:
        report = ['died', 0, 'limit', why[0], why[1]]
    elif os.WIFSIGNALED(status):
        report = ['died', 0, 'signal', os.WTERMSIG(status), signal.Signals(os.WTERMSIG(status)).name if os.WTERMSIG(status) in signal.Signals._value2member_map_ else '']
    else:
        report = ['died', 0, 'exit', os.WEXITSTATUS(status), '']
    try:
        # A newline first: a line the runner left half-written ends before the report.
        os.write(out_fd, ('\n' + json.dumps(report) + '\n').encode())
    except OSError:
        pass
    os._exit(0)


if __name__ == '__main__':
    main()
