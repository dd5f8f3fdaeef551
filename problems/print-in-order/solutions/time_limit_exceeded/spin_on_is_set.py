# Time limit exceeded, in Python. Style: Events polled in a busy loop. Bug: `while not
# self.first_done.is_set(): pass` asks a question at every round and never waits: the judge may keep
# running the poller, and the thread that would set the Event never gets a turn. (It was stopped
# only when the whole job ran out of CPU time, 100 s later, without a line; now at the loop's line.)
import threading


class Foo:
    def __init__(self):
        self.first_done = threading.Event()
        self.second_done = threading.Event()

    def first(self, printFirst):
        printFirst()
        self.first_done.set()

    def second(self, printSecond):
        while not self.first_done.is_set():
            pass
        printSecond()
        self.second_done.set()

    def third(self, printThird):
        while not self.second_done.is_set():
            pass
        printThird()
