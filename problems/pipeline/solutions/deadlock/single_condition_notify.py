# One Condition for both sides and notify() instead of notify_all(): a producer's notify can
# wake another producer instead of a consumer; everyone ends up waiting.
import threading
from collections import deque


class Pipeline:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = threading.Condition()

    def set_message(self, message):
        with self.cond:
            while len(self.items) >= self.capacity:
                self.cond.wait()
            self.items.append(message)
            self.cond.notify()

    def get_message(self):
        with self.cond:
            while not self.items:
                self.cond.wait()
            message = self.items.popleft()
            self.cond.notify()
            return message
