# A lost wake-up: the flag is checked outside the lock, so first's notify_all() can come
# between second's check and its wait(); second then waits for a notify that already happened (DL), or,
# its wait() not in a loop, a spurious wake-up lets it print before first (WA): either verdict.
import threading


class Foo:
    def __init__(self):
        self._condition = threading.Condition()
        self.first_done = False
        self.second_done = False

    def first(self, printFirst):
        printFirst()
        with self._condition:
            self.first_done = True
            self._condition.notify_all()

    def second(self, printSecond):
        if not self.first_done:
            with self._condition:
                self._condition.wait()
        printSecond()
        with self._condition:
            self.second_done = True
            self._condition.notify_all()

    def third(self, printThird):
        with self._condition:
            while not self.second_done:
                self._condition.wait()
        printThird()
