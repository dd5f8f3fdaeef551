# Wrong answer. Bug: no lock; each method polls with time.sleep(0), then acts. CPython may switch
# threads between the check and the act, so two producers both see room and both append: the
# queue holds more than its capacity. (Written by a red team; real CPython threads overfill it.)
import time

class BoundedBlockingQueue:
    def __init__(self, capacity):
        self.cap = capacity
        self.items = []

    def enqueue(self, element):
        while not len(self.items) < self.cap:
            time.sleep(0)
        self.items.append(element)

    def dequeue(self):
        while not self.items:
            time.sleep(0)
        return self.items.pop(0)

    def size(self):
        return len(self.items)
