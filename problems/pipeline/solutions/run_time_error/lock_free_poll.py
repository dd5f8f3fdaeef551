# Run-time error. Bug: no lock; each method polls with time.sleep, then acts. CPython may switch
# threads between the check and the act, so two consumers both see the one message and both pop:
# the second pops from an empty list (IndexError), and two producers can overfill the buffer.
# (Written by a red team; real CPython threads fail it.)
import time

class Pipeline:
    def __init__(self, capacity):
        self.capacity = capacity
        self.buf = []

    def set_message(self, message):
        while len(self.buf) >= self.capacity:
            time.sleep(0.001)
        self.buf.append(message)

    def get_message(self):
        while len(self.buf) == 0:
            time.sleep(0.001)
        return self.buf.pop(0)
