# A bounded buffer with `if` instead of `while` around wait(): a woken producer does not check
# again, and another producer may have filled the buffer meanwhile (overfill).
import threading
from collections import deque


class Pipeline:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = deque()
        self.cond = threading.Condition()

    def set_message(self, message):
        with self.cond:
            if len(self.items) >= self.capacity:
                self.cond.wait()
            self.items.append(message)
            self.cond.notify_all()

    def get_message(self):
        with self.cond:
            while not self.items:
                self.cond.wait()
            message = self.items.popleft()
            self.cond.notify_all()
            return message
