# notify_all() without holding the condition's lock: CPython raises
# RuntimeError: cannot notify on un-acquired lock.
import threading


class Foo:
    def __init__(self):
        self._condition = threading.Condition()
        self.stage = 0

    def first(self, printFirst):
        printFirst()
        self.stage = 1
        self._condition.notify_all()

    def second(self, printSecond):
        with self._condition:
            while self.stage < 1:
                self._condition.wait()
            printSecond()
            self.stage = 2
            self._condition.notify_all()

    def third(self, printThird):
        with self._condition:
            while self.stage < 2:
                self._condition.wait()
            printThird()
