# Wrong answer, in Python. Style: Events, with a poll that gives up: third() checks the event
# every 10 ms and, after a tenth of a second, prints anyway ("second() is surely done by then").
# Bug: time is not an order. Nothing promises that second() runs within a tenth of a second (the
# machine may be busy), so third() can print before it.
# Exposed by: a schedule where third()'s sleeps all end before first() and second() run (the
# greedy strategy lets time pass while the other threads are slow).
import threading
import time


class Foo:
    def __init__(self):
        self.first_done = threading.Event()
        self.second_done = threading.Event()

    def first(self, printFirst):
        printFirst()
        self.first_done.set()

    def second(self, printSecond):
        self.first_done.wait()
        printSecond()
        self.second_done.set()

    def third(self, printThird):
        for _ in range(10):
            if self.second_done.is_set():
                break
            time.sleep(0.01)
        printThird()
