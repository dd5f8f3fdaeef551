# Rejected (DL or WA, by the moment the event comes). The course's Event-stopped queue pipeline,
# pasted with only the signature changes the problem needs: the consumer goes on while the event
# is not set or the queue is not empty, and may already wait in get() on an empty queue when the
# event is set (DL), or see "set and empty" just before the producer puts its last message (WA).
import queue


class ShutdownPipeline:
    def __init__(self, capacity):
        self.queue = queue.Queue(maxsize=capacity)

    def producer(self, event, nextMessage):
        while not event.is_set():
            message = nextMessage()
            self.queue.put(message)

    def consumer(self, event, store):
        while not event.is_set() or not self.queue.empty():
            message = self.queue.get()
            store(message)
