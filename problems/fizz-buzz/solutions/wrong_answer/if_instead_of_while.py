# Wrong answer. Style: one Condition and a shared counter. Bug: `if` instead of `while` around
# wait(). notify_all() wakes every waiting thread, but only one of them owns the next number;
# the others do not look again and print their word out of turn. A spurious wake-up does the same.
# Exposed by: a schedule where a thread is woken for a number that is not its own (e.g. fizz
# woken when 1 is printed, printing "fizz" for 2).
import threading


class FizzBuzz:
    def __init__(self, n):
        self.n = n
        self.i = 1
        self.cond = threading.Condition()

    def _run(self, mine, say):
        with self.cond:
            while self.i <= self.n:
                if not mine(self.i):
                    self.cond.wait()
                if self.i > self.n:
                    break
                say(self.i)
                self.i += 1
                self.cond.notify_all()

    def fizz(self, printFizz):
        self._run(lambda i: i % 3 == 0 and i % 5 != 0, lambda i: printFizz())

    def buzz(self, printBuzz):
        self._run(lambda i: i % 5 == 0 and i % 3 != 0, lambda i: printBuzz())

    def fizzbuzz(self, printFizzBuzz):
        self._run(lambda i: i % 15 == 0, lambda i: printFizzBuzz())

    def number(self, printNumber):
        self._run(lambda i: i % 3 != 0 and i % 5 != 0, printNumber)
