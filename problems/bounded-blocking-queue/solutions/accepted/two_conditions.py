# Accepted. Style: a deque guarded by one Lock with two Conditions on it, not_full for producers
# and not_empty for consumers, each wait in a while loop. An enqueue can only wake a consumer and
# a dequeue only a producer, so notify() is enough; size() reads the deque under the same lock.
import threading
from collections import deque


class BoundedBlockingQueue(object):
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.items = deque()
        self.lock = threading.Lock()
        self.not_full = threading.Condition(self.lock)
        self.not_empty = threading.Condition(self.lock)

    def enqueue(self, element: int) -> None:
        with self.not_full:
            while len(self.items) == self.capacity:
                self.not_full.wait()
            self.items.append(element)
            self.not_empty.notify()

    def dequeue(self) -> int:
        with self.not_empty:
            while not self.items:
                self.not_empty.wait()
            element = self.items.popleft()
            self.not_full.notify()
            return element

    def size(self) -> int:
        with self.lock:
            return len(self.items)
