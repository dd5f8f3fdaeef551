# Wrong answer. A queue.Queue subclass that takes from the wrong end: it overrides the _get hook,
# as CPython's own LifoQueue does, so the buffer is a stack. Safe, but a consumer gets a
# producer's messages newest first once two are waiting in the buffer.
import queue


class NewestFirst(queue.Queue):
    def _get(self):
        return self.queue.pop()


class Pipeline:
    def __init__(self, capacity):
        self.buffer = NewestFirst(capacity)

    def set_message(self, message):
        self.buffer.put(message)

    def get_message(self):
        return self.buffer.get()
