# Rejected (deadlock or wrong answer, depending on n). Style: one Condition and a shared counter,
# waits in while loops. Bug: the inner loop waits until the counter is one of *its* numbers and
# never checks for the end. When the last number is printed the counter moves past n, and a
# thread already waiting inside the loop wakes and looks at n + 1: if n + 1 is not its number it
# waits again, forever (DL, e.g. n = 1 or 16); if it is, it prints a word past the end (WA, e.g.
# n = 5: fizz prints for 6).
# Exposed by: a thread that starts waiting before the last number is printed.
import threading


class FizzBuzz:
    def __init__(self, n):
        self.n = n
        self.i = 1
        self.cond = threading.Condition()

    def _run(self, mine, say):
        with self.cond:
            while self.i <= self.n:
                while not mine(self.i):
                    self.cond.wait()
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
