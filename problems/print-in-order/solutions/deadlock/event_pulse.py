# Deadlock. The pulse: first sets `go` and clears it at once, trusting second to be waiting by then
# because second set `ready` before waiting and first sleeps a second after it. Nothing makes second
# reach go.wait() before the pulse: paused between its two lines, it misses it and waits forever.
import threading
import time


class Foo:
    def __init__(self):
        self.ready = threading.Event()
        self.go = threading.Event()
        self.second_done = threading.Event()

    def first(self, printFirst):
        self.ready.wait()
        time.sleep(1)
        printFirst()
        self.go.set()
        self.go.clear()

    def second(self, printSecond):
        self.ready.set()
        self.go.wait()
        printSecond()
        self.second_done.set()

    def third(self, printThird):
        self.second_done.wait()
        printThird()
