# Print FooBar alternately. `npm test` judges this file; `npm run judge` once.
import threading


class FooBar:
    def __init__(self, n):
        self.n = n

    def foo(self, printFoo):
        for _ in range(self.n):
            # printFoo() outputs "foo". Do not change or remove this line.
            printFoo()

    def bar(self, printBar):
        for _ in range(self.n):
            # printBar() outputs "bar". Do not change or remove this line.
            printBar()
