# The course's Foo, pasted as it is: one Condition, two flags, waits in while loops.
import threading


class Foo:
    def __init__(self):
        self._condition = threading.Condition()
        self.first_called = False
        self.second_called = False

    def first(self, printFrist):
        with self._condition:
            printFrist()
            self.first_called = True
            self._condition.notify_all()

    def second(self, printSecond):
        with self._condition:
            while not self.first_called:
                self._condition.wait()
            printSecond()
            self.second_called = True
            self._condition.notify_all()

    def third(self, printThird):
        with self._condition:
            while not self.second_called:
                self._condition.wait()
            printThird()
