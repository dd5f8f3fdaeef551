# The consumer polls with a timeout and stops once the event is set and the queue looks empty:
# the producer may still be blocked in put() with a message the consumer never takes.
import queue

class ShutdownPipeline:
    def __init__(self, capacity):
        self.q = queue.Queue(maxsize=capacity)

    def producer(self, event, nextMessage):
        while not event.is_set():
            self.q.put(nextMessage())

    def consumer(self, event, store):
        while True:
            try:
                store(self.q.get(timeout=0.05))
            except queue.Empty:
                if event.is_set():
                    return
