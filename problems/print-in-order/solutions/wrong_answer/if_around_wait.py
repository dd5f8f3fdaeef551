# `if` instead of `while` around wait(): a spurious wake-up (or a notify meant for the other
# waiter) lets third print before second.
import threading


class Foo:
    def __init__(self):
        self._condition = threading.Condition()
        self.first_called = False
        self.second_called = False

    def first(self, printFirst):
        with self._condition:
            printFirst()
            self.first_called = True
            self._condition.notify_all()

    def second(self, printSecond):
        with self._condition:
            if not self.first_called:
                self._condition.wait()
            printSecond()
            self.second_called = True
            self._condition.notify_all()

    def third(self, printThird):
        with self._condition:
            if not self.second_called:
                self._condition.wait()
            printThird()
