# queue.Queue does it all: put waits while full, get while empty.
import queue


class Pipeline:
    def __init__(self, capacity):
        self.q = queue.Queue(maxsize=capacity)

    def set_message(self, message):
        self.q.put(message)

    def get_message(self):
        return self.q.get()
