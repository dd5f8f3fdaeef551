# Deadlock. Style: one Semaphore per thread; whoever prints i moves the counter on and releases
# the Semaphore of the owner of i + 1. Bug: each thread checks "i <= n" and then waits for its
# turn, but after the last number nobody releases the others: a thread that passed its check
# before the end waits in acquire() forever. (fizz, buzz and fizzbuzz need to know when to stop
# without being woken: count their own numbers in advance, or wake everyone at the end.)
# Exposed by: every case: with n = 1, fizz, buzz and fizzbuzz wait while number prints 1.
import threading


class FizzBuzz:
    def __init__(self, n):
        self.n = n
        self.i = 1
        self.turn = {
            'fizz': threading.Semaphore(0),
            'buzz': threading.Semaphore(0),
            'fizzbuzz': threading.Semaphore(0),
            'number': threading.Semaphore(1),
        }

    def owner(self, i):
        if i % 15 == 0:
            return 'fizzbuzz'
        if i % 3 == 0:
            return 'fizz'
        if i % 5 == 0:
            return 'buzz'
        return 'number'

    def run(self, kind, say):
        while self.i <= self.n:
            self.turn[kind].acquire()
            say(self.i)
            self.i += 1
            if self.i <= self.n:
                self.turn[self.owner(self.i)].release()

    def fizz(self, printFizz):
        self.run('fizz', lambda i: printFizz())

    def buzz(self, printBuzz):
        self.run('buzz', lambda i: printBuzz())

    def fizzbuzz(self, printFizzBuzz):
        self.run('fizzbuzz', lambda i: printFizzBuzz())

    def number(self, printNumber):
        self.run('number', printNumber)
