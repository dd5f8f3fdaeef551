# Accepted. Style: one Condition and a shared counter `i`, the next number to print. Each thread
# waits in a while loop until `i` is one of its own or past n; the one whose turn it is prints,
# moves `i` on and wakes everyone (notify_all: the next owner may be any of the three others).
import threading


class FizzBuzz:
    def __init__(self, n):
        self.n = n
        self.i = 1
        self.cond = threading.Condition()

    def _run(self, mine, say):
        with self.cond:
            while True:
                while self.i <= self.n and not mine(self.i):
                    self.cond.wait()
                if self.i > self.n:
                    return
                say(self.i)
                self.i += 1
                self.cond.notify_all()

    # printFizz() outputs "fizz".
    def fizz(self, printFizz):
        self._run(lambda i: i % 3 == 0 and i % 5 != 0, lambda i: printFizz())

    # printBuzz() outputs "buzz".
    def buzz(self, printBuzz):
        self._run(lambda i: i % 5 == 0 and i % 3 != 0, lambda i: printBuzz())

    # printFizzBuzz() outputs "fizzbuzz".
    def fizzbuzz(self, printFizzBuzz):
        self._run(lambda i: i % 15 == 0, lambda i: printFizzBuzz())

    # printNumber(x) outputs "x", where x is an integer.
    def number(self, printNumber):
        self._run(lambda i: i % 3 != 0 and i % 5 != 0, printNumber)
