# The course's FooBar, pasted as it is: two Events. bar's set() can be erased by foo's clear()
# when bar runs between foo's set() and clear(): both then wait for ever.
from threading import Event


class FooBar:
    def __init__(self, n):
        self.n = n
        self.event = (Event(), Event())
        self.event[1].set()

    def foo(self, printFoo: 'Callable[[], None]') -> None:

        for i in range(self.n):
            self.event[1].wait()
            # printFoo() outputs "foo". Do not change or remove this line.
            printFoo()
            self.event[0].set()
            self.event[1].clear()

    def bar(self, printBar: 'Callable[[], None]') -> None:

        for i in range(self.n):
            self.event[0].wait()
            # printBar() outputs "bar". Do not change or remove this line.
            printBar()
            self.event[1].set()
            self.event[0].clear()
