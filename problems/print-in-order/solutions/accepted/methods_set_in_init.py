# The methods are the instance's own, made in __init__: one function builds all three steps, each
# waiting for the Event of the step before it and setting its own.
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
        setattr(self, 'third', step(done[1], done[2]))
