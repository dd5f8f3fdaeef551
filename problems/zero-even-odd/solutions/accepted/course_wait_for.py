# The course's ZeroEvenOdd, pasted as it is: one Condition and wait_for.
import threading


class ZeroEvenOdd:
    def __init__(self, n):
        self._condition = threading.Condition()
        self.n = n
        self.order = 0

    def zero(self, printNumber: 'Callable[[int], None]') -> None:
        for i in range(self.n):
            with self._condition:
                self._condition.wait_for(lambda: self.order == 0)
                printNumber(0)
                self.order = 1 if i % 2 == 0 else 2
                self._condition.notify_all()

    def even(self, printNumber: 'Callable[[int], None]') -> None:
        for i in range(2, self.n+1, 2):
            with self._condition:
                self._condition.wait_for(lambda: self.order == 2)
                printNumber(i)
                self.order = 0
                self._condition.notify_all()

    def odd(self, printNumber: 'Callable[[int], None]') -> None:
        for i in range(1, self.n+1, 2):
            with self._condition:
                self._condition.wait_for(lambda: self.order == 1)
                printNumber(i)
                self.order = 0
                self._condition.notify_all()
