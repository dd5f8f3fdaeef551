# Accepted. Style: the number thread drives. It walks 1..n; a number of its own it prints, any
# other it hands to its owner by releasing that thread's Semaphore and then waits on its own
# Semaphore until the owner is done. fizz, buzz and fizzbuzz each know in advance how many words
# they will print, so they wait exactly that many times and return.
import threading


class FizzBuzz:
    def __init__(self, n):
        self.n = n
        self.fizz_turn = threading.Semaphore(0)
        self.buzz_turn = threading.Semaphore(0)
        self.fizzbuzz_turn = threading.Semaphore(0)
        self.done = threading.Semaphore(0)

    def fizz(self, printFizz):
        for i in range(1, self.n + 1):
            if i % 3 == 0 and i % 5 != 0:
                self.fizz_turn.acquire()
                printFizz()
                self.done.release()

    def buzz(self, printBuzz):
        for i in range(1, self.n + 1):
            if i % 5 == 0 and i % 3 != 0:
                self.buzz_turn.acquire()
                printBuzz()
                self.done.release()

    def fizzbuzz(self, printFizzBuzz):
        for i in range(1, self.n + 1):
            if i % 15 == 0:
                self.fizzbuzz_turn.acquire()
                printFizzBuzz()
                self.done.release()

    def number(self, printNumber):
        for i in range(1, self.n + 1):
            if i % 15 == 0:
                self.fizzbuzz_turn.release()
                self.done.acquire()
            elif i % 3 == 0:
                self.fizz_turn.release()
                self.done.acquire()
            elif i % 5 == 0:
                self.buzz_turn.release()
                self.done.acquire()
            else:
                printNumber(i)
