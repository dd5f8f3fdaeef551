# notify() where notify_all() is needed: zero wakes one waiter, which may be the wrong one
# (even when odd's turn came); it goes back to waiting and nobody wakes odd.
import threading


class ZeroEvenOdd:
    def __init__(self, n):
        self._condition = threading.Condition()
        self.n = n
        self.order = 0

    def zero(self, printNumber):
        for i in range(self.n):
            with self._condition:
                while self.order != 0:
                    self._condition.wait()
                printNumber(0)
                self.order = 1 if i % 2 == 0 else 2
                self._condition.notify()

    def even(self, printNumber):
        for i in range(2, self.n + 1, 2):
            with self._condition:
                while self.order != 2:
                    self._condition.wait()
                printNumber(i)
                self.order = 0
                self._condition.notify()

    def odd(self, printNumber):
        for i in range(1, self.n + 1, 2):
            with self._condition:
                while self.order != 1:
                    self._condition.wait()
                printNumber(i)
                self.order = 0
                self._condition.notify()
