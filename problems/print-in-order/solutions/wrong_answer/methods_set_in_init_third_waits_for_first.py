# The methods are the instance's own, made in __init__, but third waits for the wrong step: it can
# print before second.
import threading


class Foo:
    def __init__(self):
        done = [threading.Event() for _ in range(3)]

        def step(before, mine):
            def run(print_it):
                if before is not None:
                    before.wait()
                print_it()
                mine.set()
            return run

        self.first = step(None, done[0])
        self.second = step(done[0], done[1])
        self.third = step(done[0], done[2])
