# Two locks taken in opposite orders with `with`: once first holds a and second holds b, each
# waits for the other's lock forever.
import threading


class Foo:
    def __init__(self):
        self.a = threading.Lock()
        self.b = threading.Lock()
        self.started = threading.Event()
        self.done = threading.Event()

    def first(self, printFirst):
        with self.a:
            self.started.set()
            with self.b:
                printFirst()

    def second(self, printSecond):
        self.started.wait()
        with self.b:
            with self.a:
                printSecond()
                self.done.set()

    def third(self, printThird):
        self.done.wait()
        printThird()
